#!/usr/bin/env bash
# Soak test of issue #15: the replay of dist's DailyReplayIT (the daily script
# dist/src/test/resources/replay/daily.rk on the demo shop, the shop clock moved a day at a time, new orders
# and SMS opt-outs every day, the script run twice on some days, a send killed with SIGKILL every three
# weeks, the loopback Aliyun fake failing 5 % of the sends), run for DAYS days, then the five figures:
#   unfinished campaigns · double-contacted for an occasion · cap breaches · messages after opt-out ·
#   targets without exactly one final row                              (all five must be 0)
#   bench/soak.sh                       60 days
#   DAYS=30 SEED=7 bench/soak.sh        another length or seed (the seed picks the orders, opt-outs, faults)
# The IT and this script run the same code (dev.rekindle.dist.replay.CampaignReplay), so they cannot drift.
# Exit 0 when the five figures are zeros and nothing else went wrong; the logs of every run of the app are
# kept in bench/work/soak/logs/.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
DAYS="${DAYS:-60}"
SEED="${SEED:-15}"
work="${BENCH_WORK:-$here/work}/soak"
rm -rf "$work"
mkdir -p "$work"

# the app, its plugins and the replay harness (dist's test classes) with their class path; no test is run
(cd "$root" && mvn -B -q -Dstyle.color=never -DskipTests -pl dist -am package dependency:build-classpath \
   -Dmdep.includeScope=test -Dmdep.outputFile=target/replay.classpath) >&2
cp="$root/dist/target/test-classes:$(cat "$root/dist/target/replay.classpath")"

start=$(date +%s)
set +e
java -cp "$cp" dev.rekindle.dist.replay.CampaignReplay --days "$DAYS" --seed "$SEED" \
  --dist "$root/dist/target/rekindle" --work "$work" | tee "$work/soak.out"
status=${PIPESTATUS[0]}
set -e
echo "soak: $DAYS days in $(( $(date +%s) - start )) s (seed $SEED); output in $work/soak.out"
exit "$status"
