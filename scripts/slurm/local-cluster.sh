#!/usr/bin/env bash
# A throw-away single-node Slurm cluster for tests and trials, with ALL configuration and state in one directory.
#   local-cluster.sh start DIR   install slurm-wlm and munge if missing (apt, idempotent), write DIR/slurm.conf,
#                                start munged, slurmctld and slurmd, wait until the node is idle; prints
#                                "export SLURM_CONF=DIR/slurm.conf" (clients need it)
#   local-cluster.sh stop DIR    stop exactly the daemons this script started, by the PIDs recorded in DIR
# Must run as root (Slurm's daemons and munged's user switch need it). No systemd, no cgroups, no accounting;
# the daemons listen on free ports of 127.0.0.1 chosen at start, so a system Slurm is left alone.
set -euo pipefail

die() { echo "local-cluster: $*" >&2; exit 2; }
[ $# -eq 2 ] || die "usage: local-cluster.sh start|stop DIR"
action=$1
dir=$(realpath -m "$2")

# A daemon is alive when its PID exists and is not a zombie (a killed daemon whose parent has not reaped it yet
# lingers in state Z).
alive() {
  local pid=$1 state
  [ -n "$pid" ] && [ -r "/proc/$pid/status" ] || return 1
  state=$(awk '/^State:/ { print $2 }' "/proc/$pid/status" 2>/dev/null) || return 1
  [ -n "$state" ] && [ "$state" != "Z" ]
}

stop_pid() {
  local name=$1 file=$2 pid
  [ -s "$file" ] || return 0
  pid=$(tr -dc '0-9' < "$file")
  if alive "$pid"; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do alive "$pid" || break; sleep 0.1; done
    if alive "$pid"; then kill -KILL "$pid" 2>/dev/null || true; fi
    echo "local-cluster: stopped $name (pid $pid)"
  fi
  rm -f "$file"
}

if [ "$action" = stop ]; then
  [ -d "$dir" ] || exit 0
  stop_pid slurmd "$dir/slurmd.pid"
  stop_pid slurmctld "$dir/slurmctld.pid"
  stop_pid munged "$dir/munge/munged.pid"
  exit 0
fi
[ "$action" = start ] || die "unknown action '$action' (start or stop)"
[ "$(id -u)" -eq 0 ] || die "must run as root: slurmd and munged's user switch need it"

missing=()
for p in slurm-wlm munge; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  command -v apt-get >/dev/null || die "${missing[*]} missing and apt-get unavailable"
  echo "local-cluster: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
fi

mkdir -p "$dir/state" "$dir/spool" "$dir/munge"
chmod 755 "$dir"
# munged refuses to run as root and checks that its key and directories belong to it and are private.
chown munge:munge "$dir/munge"
chmod 711 "$dir/munge"   # clients must reach the socket; the key itself stays 0600
if [ ! -s "$dir/munge/munge.key" ]; then
  runuser -u munge -- mungekey --create --keyfile="$dir/munge/munge.key"
fi
runuser -u munge -- munged --socket="$dir/munge/munge.socket" --key-file="$dir/munge/munge.key" \
  --pid-file="$dir/munge/munged.pid" --log-file="$dir/munge/munged.log" --seed-file="$dir/munge/munged.seed"

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
host=$(hostname -s)
# The node line as slurmd measures it, minus RealMemory (the test node must not be drained for memory changes).
node=$(slurmd -C | head -1 | sed -E 's/ RealMemory=[0-9]+//')
cat > "$dir/slurm.conf" <<CONF
ClusterName=implicitreg-local
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$(free_port)
SlurmdPort=$(free_port)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$dir/munge/munge.socket
CredType=cred/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
MailProg=/bin/true
ReturnToService=2
SchedulerParameters=batch_sched_delay=0,sched_min_interval=0
$node NodeAddr=127.0.0.1 State=UNKNOWN
PartitionName=local Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$dir/slurm.conf"
slurmctld -f "$SLURM_CONF"
slurmd -f "$SLURM_CONF"
for _ in $(seq 1 100); do
  state=$(sinfo -h -o '%T' 2>/dev/null | head -1 || true)
  [ "$state" = idle ] && { echo "export SLURM_CONF=$SLURM_CONF"; exit 0; }
  sleep 0.1
done
echo "local-cluster: the node did not become idle in 10 s (state '${state:-none}'); logs in $dir" >&2
tail -5 "$dir/slurmctld.log" "$dir/slurmd.log" >&2 || true
exit 1
