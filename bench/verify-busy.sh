#!/usr/bin/env bash
# The whole test suite (the README's `mvn -B verify`) with CPU cores kept busy, to show that it stays green on a
# loaded CI machine: no test may depend on how fast the machine is (servers get generous start-up waits, tests wait
# on conditions, not on sleeps).
#   bench/verify-busy.sh            one core busy (a spinning process per BUSY)
#   BUSY=2 bench/verify-busy.sh     two
# Prints the Maven result and the load average seen; exits with Maven's status.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUSY="${BUSY:-1}"
pids=()
stop() { [ ${#pids[@]} -gt 0 ] && kill "${pids[@]}" 2>/dev/null || true; }
trap stop EXIT
for _ in $(seq "$BUSY"); do
  ( while :; do :; done ) &   # a shell loop never sleeps: one core at 100 %
  pids+=($!)
done
start=$(date +%s)
set +e
(cd "$root" && mvn -B verify "$@")
rc=$?
set -e
echo "verify-busy: exit $rc after $(( $(date +%s) - start )) s with $BUSY busy core(s); load: $(cut -d' ' -f1-3 /proc/loadavg)"
exit $rc
