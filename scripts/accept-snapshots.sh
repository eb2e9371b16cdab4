#!/usr/bin/env bash
# Accepts snapshot changes: moves every *.received.txt under tests/ onto its *.verified.txt.
# Run it after a test run reported snapshot differences and you have read them; then review `git diff`
# and commit the .verified.txt files. Optional argument: a substring the file names must contain.
# Refused in CI (CI=true): snapshots are never accepted automatically.
set -euo pipefail
if [ "${CI:-}" = "true" ] || [ "${CI:-}" = "1" ]; then
  echo "accept-snapshots: refused because CI=$CI (accept locally, review and commit the .verified.txt files)" >&2
  exit 2
fi
cd "$(dirname "$0")/.."
filter="${1:-}"
count=0
while IFS= read -r -d '' received; do
  case "$(basename "$received")" in *"$filter"*) ;; *) continue ;; esac
  verified="${received%.received.txt}.verified.txt"
  mv -f "$received" "$verified"
  echo "accepted ${verified#./}"
  count=$((count + 1))
done < <(find tests -name '*.received.txt' -print0 | sort -z)
echo "accept-snapshots: $count snapshot(s) accepted"
