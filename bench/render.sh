#!/usr/bin/env bash
# Dry-run rendering speed: `campaigns dry-run` of a strategy targeting every customer of the gen.py set
# (1,000,000 by default), against raw FreeMarker rendering of the same template measured in the same run.
#   bench/render.sh              → 1,000,000 customers / 5,000,000 orders
#   bench/render.sh 100000 500000
# Uses a copy of bench/load-db.sh's database (the shared one is never modified) with made-up mobile
# numbers, and a segmentation snapshot as of 2025-01-01 made with plain SQL
# (app/src/test/resources/fixtures/snapshot.sql) when `segments refresh` is not available.
# Target (#19): warm dry-run rate >= 0.45x the warm raw rate, peak heap <= 512 MB. Both are measured cold (the first million
# renders of a fresh JVM: a one-shot command) and warm (once the JIT has compiled the code: the third dry run
# of a shell session: the median of dry runs 3-5, and raw rendering after a warm-up); the cold app is also set
# against the warm raw rate.
# ROUNDS=N (default 3): every measure is taken N times, interleaved; the RESULT lines give the medians.
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

echo "== raw FreeMarker reference: building its class path" >&2
# one reactor build: the modules the app needs resolve from the reactor (nothing is installed, e.g. the test-scoped
# fakes on a fresh machine); the app, built last, writes the class path it needs
(cd "$root" && mvn -B -q -o -Dstyle.color=never test-compile dependency:build-classpath -pl app -am -Dmdep.includeScope=test \
       -Dmdep.outputFile="$work/cp.txt" >&2)
cp="$root/app/target/test-classes:$root/app/target/classes:$root/api/target/classes:$(cat "$work/cp.txt")"
for i in 1 2 3 4 5; do echo "campaigns dry-run $id --out $work/outbox-warm.jsonl"; done > "$work/warm.rk"

settle() { sync; cat "$copy" > /dev/null; }
median() { printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : v[NR/2]}'; }
# Each round measures everything once, side by side, so that a busy moment of the machine touches both sides;
# the result is the median of the rounds (a single run of either side swings by up to 20 % here).
rounds="${ROUNDS:-3}"
cold_apps=(); warm_apps=(); raw_colds=(); raw_warms=(); heaps=(); warm_heaps=(); dry_secs=(); warm_cpus=(); raw_cpus=()
warm_ratios=()   # each round's app / raw: the two sides minutes apart, where the machine's speed has moved least
for round in $(seq "$rounds"); do
  echo "== round $round of $rounds" >&2
  # every measure starts with the disk written back and the database copy in the page cache: a dry run writes
  # ~300 MB, and the kernel writing the last one back while the next measure ran took 10-25 % of a 2-core machine
  # from whichever side came next; and these VMs hand page cache back to the host between runs, so a dry run
  # read part of the database from disk at 100-200 MB/s (vmstat bi) where a shop's daily database is cached
  settle
  # cold: one command in a fresh JVM, as a script or cron job runs it (read, guard, render, write)
  start=$(date +%s.%N)
  dry="$("$root/rekindle" --db "$copy" campaigns dry-run "$id" --out "$work/outbox.jsonl" 2>"$work/dry.err")"
  dry_secs+=("$(echo "$(date +%s.%N) - $start" | bc)")
  [ "$round" = 1 ] && echo "$dry"
  heaps+=("$(grep -o 'peak-heap-mb=[0-9]*' "$work/dry.err" | cut -d= -f2)")
  grep -o 'render-threads=.*' "$work/dry.err" || true   # CPU the rendering threads used: other load leaves it alone
  lines=$(wc -l < "$work/outbox.jsonl")
  cold_apps+=("$(echo "$dry" | sed -n 's/.* s (\([0-9,]*\) messages\/s).*/\1/p' | tr -d ,)")
  [ "$round" = 1 ] && echo "first line: $(head -1 "$work/outbox.jsonl")"

  # warm: the same dry run five times in one session, as an operator repeats it in the shell; the median of the
  # last three counts (one run lasts a second: a moment's load elsewhere on the machine moves it by 20 %)
  settle
  warm="$("$root/rekindle" --db "$copy" "@$work/warm.rk" 2>"$work/warm.err")"
  echo "$warm" | grep 'messages/s'
  cmp -s "$work/outbox.jsonl" "$work/outbox-warm.jsonl" || { echo "the warm outbox differs from the cold one" >&2; exit 1; }
  warm_heaps+=("$(grep -o 'peak-heap-mb=[0-9]*' "$work/warm.err" | cut -d= -f2)")
  warm_apps+=("$(median $(echo "$warm" | sed -n 's/.* s (\([0-9,]*\) messages\/s).*/\1/p' | tr -d , | tail -3))")
  # messages per CPU second of the rendering threads (read, guard, render, encode) in dry runs 3-5: a measure
  # that other load on the machine leaves mostly alone
  warm_cpu_ms="$(median $(grep -o 'render-cpu-ms=[0-9]*' "$work/warm.err" | cut -d= -f2 | tail -3))"
  warm_cpus+=("$(echo "$lines * 1000 / $warm_cpu_ms" | bc)")

  # raw FreeMarker: the same template, single thread, models prepared beforehand; cold, then warm. Twice: with
  # the JVM's defaults, and with the options ./rekindle gives a dry run (serial GC, C2 thresholds raised
  # tenfold); the faster of the two is the reference
  raw_cold=0; raw_rate=0; raw_cpu=0
  for jvm in "" "-XX:+UseSerialGC -Xss2m -XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=20000
                 -XX:Tier4CompileThreshold=60000 -XX:Tier4BackEdgeThreshold=400000"; do
    settle
    # shellcheck disable=SC2086
    raw="$(java -Xmx512m $jvm -cp "$cp" dev.rekindle.bench.RawRenderBench "$root/templates" "$template" "$lines")"
    echo "$raw  [JVM options: ${jvm:-defaults}]" | tr -s ' \n' ' '; echo
    c="$(echo "$raw" | sed -n 's/.* cold-rate=\([0-9]*\)\/s.*/\1/p')"; w="$(echo "$raw" | sed -n 's/.* rate=\([0-9]*\)\/s.*/\1/p')"
    [ "$c" -gt "$raw_cold" ] && raw_cold=$c
    [ "$w" -gt "$raw_rate" ] && raw_rate=$w
    u="$(echo "$raw" | sed -n 's/.* cpu-rate=\([0-9]*\)\/s.*/\1/p')"
    [ "$u" -gt "$raw_cpu" ] && raw_cpu=$u
  done
  raw_colds+=("$raw_cold"); raw_warms+=("$raw_rate"); raw_cpus+=("$raw_cpu")
  warm_ratios+=("$(echo "scale=2; ${warm_apps[-1]} / $raw_rate" | bc)")
  echo "round $round: cold app=${cold_apps[-1]}/s raw=${raw_cold}/s ratio=$(echo "scale=2; ${cold_apps[-1]} / $raw_cold" | bc)" \
       "| warm app=${warm_apps[-1]}/s raw=${raw_rate}/s ratio=$(echo "scale=2; ${warm_apps[-1]} / $raw_rate" | bc)" \
       "| warm per CPU second: app=${warm_cpus[-1]}/s raw=${raw_cpu}/s ratio=$(echo "scale=2; ${warm_cpus[-1]} / $raw_cpu" | bc)" \
       "| load $(cut -d' ' -f1 /proc/loadavg)"
done

range() { printf '%s\n' "$@" | sort -n | sed -n '1p;$p' | paste -sd- ; }
ratio() { echo "scale=2; $1 / $2" | bc; }
app_rate=$(median "${cold_apps[@]}"); raw_cold=$(median "${raw_colds[@]}")
warm_rate=$(median "${warm_apps[@]}"); raw_rate=$(median "${raw_warms[@]}")
echo
echo "RESULT customers=$customers messages=$lines rounds=$rounds dry-run=$(median "${dry_secs[@]}")s (process, incl. start-up)" \
     "peak-heap-mb=$(range "${heaps[@]}")/$(range "${warm_heaps[@]}") (cold/warm, target <= 512)"
echo "RESULT medians: cold: app=${app_rate}/s raw=${raw_cold}/s ratio=$(ratio "$app_rate" "$raw_cold")" \
     "| warm: app=${warm_rate}/s raw=${raw_rate}/s ratio=$(ratio "$warm_rate" "$raw_rate")" \
     "| cold app against warm raw: $(ratio "$app_rate" "$raw_rate")"
# the median of medians above pairs an app reading with a raw reading of another round; this pairs each round's own
echo "RESULT warm ratio, median of the rounds' own ratios: $(median "${warm_ratios[@]}") (rounds: ${warm_ratios[*]})"
echo "RESULT warm per CPU second (app: its rendering threads, raw: one thread): app=$(median "${warm_cpus[@]}")/s" \
     "raw=$(median "${raw_cpus[@]}")/s ratio=$(ratio "$(median "${warm_cpus[@]}")" "$(median "${raw_cpus[@]}")")" \
     "| target: warm ratio >= 0.45 (wall, same run; docs/dev/performance.md) | load now $(cut -d' ' -f1-3 /proc/loadavg)"
