#!/usr/bin/env bash
# Submits a sharded sweep and its merge in one command:
#   scripts/slurm/submit.sh --shards N --out OUT [--wait] [-- sbatch options] EXPERIMENT [reproduce options...]
# e.g. scripts/slurm/submit.sh --shards 8 --out /scratch/e1 e1 --seeds 3
# Prints the two job ids (array, merge). --wait blocks until the merge job has finished and exits with its status.
# Slurm options for both jobs (partition, time, account) go in SBATCH_* variables, e.g. SBATCH_PARTITION=short.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
shards="" out="" wait=""
while [ $# -gt 0 ]; do
  case $1 in
    --shards) shards=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --wait) wait=--wait; shift ;;
    *) break ;;
  esac
done
[[ "$shards" =~ ^[1-9][0-9]*$ ]] || { echo "submit.sh: --shards N (a positive integer) is required" >&2; exit 2; }
[ -n "$out" ] || { echo "submit.sh: --out DIR is required" >&2; exit 2; }
[ $# -ge 1 ] || { echo "submit.sh: name the experiment (e1, e2, e3 or e4) after the options" >&2; exit 2; }
mkdir -p "$out/logs"
out=$(cd "$out" && pwd)
array=$(sbatch --parsable --array=0-$((shards - 1)) --output="$out/logs/shard-%a.log" \
  "$here/sweep.sbatch" "$out" "$@")
# --parsable prints "id" or "id;cluster": keep the id. Ids are read here, never guessed: they persist across restarts.
array=${array%%;*}
merge=$(sbatch --parsable $wait --dependency=afterok:"$array" --kill-on-invalid-dep=yes --output="$out/logs/merge.log" \
  "$here/merge.sbatch" "$out")
merge=${merge%%;*}
echo "array job $array ($shards tasks), merge job $merge; results in $out/merged"
