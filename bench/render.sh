#!/usr/bin/env bash
# Dry-run rendering speed: `campaigns dry-run` of a strategy targeting every customer of the gen.py set
# (1,000,000 by default), against raw FreeMarker rendering of the same template measured in the same run.
#   bench/render.sh              → 1,000,000 customers / 5,000,000 orders
#   bench/render.sh 100000 500000
# Uses a copy of bench/load-db.sh's database (the shared one is never modified) with made-up mobile
# numbers, and a segmentation snapshot as of 2025-01-01 made with plain SQL
# (app/src/test/resources/fixtures/snapshot.sql) when `segments refresh` is not available.
# Target: dry-run rate >= 0.5x the raw rate, peak heap <= 512 MB.
set -euo pipefail
export REKINDLE_LANGUAGE=en   # the script reads the app's English output, whatever the machine's locale
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
customers="${1:-1000000}"; orders="${2:-5000000}"
export BENCH_DATA="${BENCH_DATA:-$here/work}"
db="$("$here/load-db.sh" "$customers" "$orders")"
work="$(mktemp -d "${TMPDIR:-/tmp}/rekindle-render.XXXXXX")"
[ -n "${KEEP:-}" ] && echo "keeping $work" >&2 || trap 'rm -rf "$work"' EXIT
copy="$work/render.db"
template="holiday-greeting/sms.ftl"
strategy_opts="-Drekindle.plugins.strategies.holiday-greeting.stages=active,silent,sleeping,lost,gone"
export REKINDLE_JAVA_OPTS="-Xmx512m -XX:TieredStopAtLevel=4 -Drekindle.bench=true $strategy_opts"

echo "== data: $customers customers, copy of $db" >&2
sqlite3 "$db" ".backup '$copy'"
# a database created before V3 gained its tables and columns (snapshot_cells, customer_stats.main_category):
# let the app apply V3 again, as bench/segments.sh does
if [ -z "$(sqlite3 "$copy" "SELECT 1 FROM pragma_table_info('customer_stats') WHERE name = 'main_category'")" ]; then
  sqlite3 "$copy" "DROP TABLE IF EXISTS customer_snapshot; DROP TABLE IF EXISTS snapshot_cells;
                   DROP TABLE IF EXISTS segment_definitions; DROP TABLE IF EXISTS snapshots;
                   DELETE FROM schema_version WHERE version = 3;"
fi
"$root/rekindle" --db "$copy" status >/dev/null   # brings the copy's schema up to date (campaign tables)
sqlite3 "$copy" <<SQL
PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;
UPDATE customers SET mobile = '139' || substr('00000000' || id, -8, 8);
DELETE FROM customer_snapshot; DELETE FROM snapshots;
SQL
if "$root/rekindle" --db "$copy" help 2>/dev/null | grep -q "segments refresh"; then
  "$root/rekindle" --db "$copy" segments refresh --as-of 2025-01-01 >&2
else
  echo "== snapshot with plain SQL (segments refresh is not in this build)" >&2
  sed 's/{{AS_OF}}/2025-01-01/g' "$root/app/src/test/resources/fixtures/snapshot.sql" | sqlite3 "$copy"
fi

echo "== plan: holiday-greeting for every customer, SMS, no holdout" >&2
start=$(date +%s.%N)
plan="$("$root/rekindle" --db "$copy" campaigns plan holiday-greeting --channel sms --holdout 0 --name bench 2>"$work/plan.err")"
plan_s=$(echo "$(date +%s.%N) - $start" | bc)
echo "$plan" | head -6
id="$(echo "$plan" | sed -n 's/^Campaign \([0-9]*\) planned.*/\1/p')"
echo "plan: ${plan_s}s, $(grep -o 'peak-heap-mb=[0-9]*' "$work/plan.err")"

echo "== dry run (the app, end to end: read, guard, render, write the outbox)" >&2
start=$(date +%s.%N)
dry="$("$root/rekindle" --db "$copy" campaigns dry-run "$id" --out "$work/outbox.jsonl" 2>"$work/dry.err")"
dry_s=$(echo "$(date +%s.%N) - $start" | bc)
echo "$dry"
heap="$(grep -o 'peak-heap-mb=[0-9]*' "$work/dry.err" | cut -d= -f2)"
grep -o 'render-threads=.*' "$work/dry.err" || true   # CPU the rendering threads used: other load leaves it alone
lines=$(wc -l < "$work/outbox.jsonl")
app_rate="$(echo "$dry" | sed -n 's/.* s (\([0-9,]*\) messages\/s).*/\1/p' | tr -d ,)"
echo "first line: $(head -1 "$work/outbox.jsonl")"

echo "== raw FreeMarker: the same template, single thread, models prepared beforehand" >&2
# one reactor build: the api module resolves from the reactor (nothing is installed); the app, built last,
# writes the class path it needs
(cd "$root" && mvn -B -q -o -Dstyle.color=never test-compile dependency:build-classpath -pl api,app -Dmdep.includeScope=test \
       -Dmdep.outputFile="$work/cp.txt" >&2)
raw="$(java -Xmx512m -cp "$root/app/target/test-classes:$root/app/target/classes:$root/api/target/classes:$(cat "$work/cp.txt")" \
  dev.rekindle.bench.RawRenderBench "$root/templates" "$template" "$lines")"
echo "$raw"
raw_rate="$(echo "$raw" | sed -n 's/.* rate=\([0-9]*\)\/s.*/\1/p')"

echo
echo "RESULT customers=$customers messages=$lines dry-run=${dry_s}s (process, incl. start-up) app-rate=${app_rate}/s raw-rate=${raw_rate}/s ratio=$(echo "scale=2; $app_rate / $raw_rate" | bc) (target >= 0.5) peak-heap-mb=$heap (target <= 512)"
