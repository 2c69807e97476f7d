#!/usr/bin/env bash
# Send-mode benchmark: synthetic SMS through the real app, the real delivery engine and the real SMS
# plugin to the loopback Aliyun fake (which checks every signature) answering after 20 ms.
#   bench/send.sh                 all parts (about 10 minutes on 2 cores)
#   N=100000 SCALE_N=20000 RATES="300 100" CONCURRENCY="4 16 64" PARTS="1 2 3" bench/send.sh
# Parts:
#   1. throughput without a rate limit, N messages, highest concurrency; and how it scales (SCALE_N each)
#   2. with a rate limit of R/s: the achieved rate against R (target: within 5%)
#   3. the ledger's cost: the same N sends with and without the ledger (--without-ledger: no guards,
#      no ledger, no exactly-once), at 20 ms latency and at 0 ms (where the ledger is all there is)
# Every run uses a fresh empty database; made-up numbers (no customer rows), purpose care.
set -euo pipefail
export REKINDLE_LANGUAGE=en   # the script reads the app's English output, whatever the machine's locale
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
N="${N:-100000}"
SCALE_N="${SCALE_N:-20000}"
CONCURRENCY="${CONCURRENCY:-4 16 64}"
RATES="${RATES:-300 100}"
LATENCY_MS="${LATENCY_MS:-20}"
PARTS="${PARTS:-1 2 3}"
PORT="${PORT:-18780}"
work="${BENCH_WORK:-$here/work}/send"
mkdir -p "$work"

"$root/rekindle" help >/dev/null          # builds the app and plugins if needed
fakes="$root/fakes/target/rekindle-fakes.jar"
[ -f "$fakes" ] || (cd "$root" && mvn -B -q -o -DskipTests package -pl fakes >&2)

java -jar "$fakes" aliyun --port "$PORT" --latency-ms "$LATENCY_MS" >"$work/fake.log" 2>&1 &
fake_pid=$!
trap 'kill "$fake_pid" 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$PORT/_fake/stats" >/dev/null && break; sleep 0.1; done

base_opts="-Xmx512m -XX:TieredStopAtLevel=4 -Drekindle.bench=true -Drekindle.delivery.quiet-hours=none \
 -Drekindle.plugins.channel-sms.endpoint=http://127.0.0.1:$PORT \
 -Drekindle.plugins.channel-sms.access-key-id=fake-key-id -Drekindle.plugins.channel-sms.access-key-secret=fake-key-secret \
 -Drekindle.plugins.channel-sms.template-code=SMS_100"

run=0
# send COUNT CONCURRENCY RATE [extra args…]
#   → prints "run_seconds app_sent_per_s peak_heap_mb received_by_fake fake_measured_per_s"
# run_seconds is the engine's run (it includes loading the plugins and JIT warm-up); the fake measures
# the rate between the first and the last message it took, which is what a rate limit should achieve.
send() {
  local count="$1" conc="$2" rate="$3"; shift 3
  run=$((run + 1))
  local db="$work/send-$run.db"
  rm -f "$db" "$db-wal" "$db-shm"
  curl -sf -X POST "http://127.0.0.1:$PORT/_fake/reset" >/dev/null
  local out
  out="$(REKINDLE_JAVA_OPTS="$base_opts" "$root/rekindle" --db "$db" deliveries synthetic 1 --channel sms --source numbers \
        --count "$count" --concurrency "$conc" --rate "$rate" --yes "$@" 2>&1)"
  echo "$out" >"$work/run-$run.out"
  local secs sentps heap received
  secs="$(echo "$out" | sed -n 's/.* read (all) in \([0-9.]*\) s\./\1/p' | head -1)"
  sentps="$(echo "$out" | sed -n 's/^  sent *[0-9,]* *\([0-9]*\)\/s/\1/p' | head -1)"
  heap="$(echo "$out" | sed -n 's/rekindle-bench peak-heap-mb=\([0-9]*\)/\1/p' | head -1)"
  local stats takenps
  stats="$(curl -sf "http://127.0.0.1:$PORT/_fake/stats")"
  received="$(echo "$stats" | sed -n 's/.*"messages":\([0-9]*\).*/\1/p')"
  takenps="$(echo "$stats" | sed -n 's/.*"takenPerSecond":\([0-9.]*\).*/\1/p')"
  if [ -z "$secs" ]; then echo "run $run failed, see $work/run-$run.out:" >&2; echo "$out" >&2; exit 1; fi
  echo "$secs ${sentps:-?} ${heap:-?} $received ${takenps:-?}"
}

echo "# Rekindle send benchmark: $(nproc) cores, fake latency ${LATENCY_MS} ms, $(date -u +%FT%TZ)"
echo "# load average at start: $(cut -d' ' -f1-3 /proc/loadavg) (the machine is shared: figures move with it)"
top=$(echo $CONCURRENCY | tr ' ' '\n' | sort -n | tail -1)
part() { [[ " $PARTS " == *" $1 "* ]]; }

if part 1; then
echo
echo "## 1. Throughput without a rate limit"
printf "%-8s %-12s %10s %12s %14s %14s %12s %10s\n" messages concurrency run_s "app sent/s" "provider /s" "bound c/lat" received heap_mb
for c in $CONCURRENCY; do
  read -r secs sentps heap received takenps < <(send "$SCALE_N" "$c" unlimited)
  printf "%-8s %-12s %10s %12s %14s %14s %12s %10s\n" "$SCALE_N" "$c" "$secs" "$sentps" "$takenps" "$((c * 1000 / LATENCY_MS))" "$received" "$heap"
done
read -r secs sentps heap received takenps < <(send "$N" "$top" unlimited)
printf "%-8s %-12s %10s %12s %14s %14s %12s %10s\n" "$N" "$top" "$secs" "$sentps" "$takenps" "$((top * 1000 / LATENCY_MS))" "$received" "$heap"
fi

if part 2; then
echo
echo "## 2. With a rate limit (achieved vs configured)"
printf "%-8s %-10s %10s %12s %14s %10s %12s\n" messages "rate/s" run_s "app sent/s" "provider /s" deviation received
for r in $RATES; do
  count=$(( r * 100 < N ? r * 100 : N ))   # about 100 s per rate
  read -r secs sentps heap received takenps < <(send "$count" "$top" "$r/s")
  dev=$(awk -v a="$takenps" -v r="$r" 'BEGIN { printf "%+.2f%%", (a - r) * 100 / r }')
  printf "%-8s %-10s %10s %12s %14s %10s %12s\n" "$count" "$r" "$secs" "$sentps" "$takenps" "$dev" "$received"
done
fi

if part 3; then
echo
echo "## 3. The ledger's cost per message (same sends with and without it)"
printf "%-10s %-8s %-12s %14s %14s %10s %16s\n" latency_ms messages concurrency "with_ledger_s" "without_s" ratio "ledger_us/msg"
for lat in "$LATENCY_MS" 0; do
  curl -sf -X POST "http://127.0.0.1:$PORT/_fake/latency?ms=$lat" >/dev/null
  conc=$top; [ "$lat" = 0 ] && conc=8
  read -r with _ _ _ _ < <(send "$N" "$conc" unlimited)
  read -r without _ _ _ _ < <(send "$N" "$conc" unlimited --without-ledger)
  ratio=$(awk -v a="$with" -v b="$without" 'BEGIN { printf "%.2f", a / b }')
  cost=$(awk -v a="$with" -v b="$without" -v n="$N" 'BEGIN { printf "%.0f", (a - b) * 1e6 / n }')
  printf "%-10s %-8s %-12s %14s %14s %10s %16s\n" "$lat" "$N" "$conc" "$with" "$without" "$ratio" "$cost"
done
curl -sf -X POST "http://127.0.0.1:$PORT/_fake/latency?ms=$LATENCY_MS" >/dev/null
fi
echo
echo "Run outputs: $work/run-*.out"
