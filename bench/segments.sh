#!/usr/bin/env bash
# Segments benchmark: `segments refresh --as-of 2025-01-01` end to end (JVM start included) against the
# reference ../shared/bench/rfm.sql run by the sqlite3 CLI on the same data, in the same run, alternating
# reference and app so that machine load hits both alike; then `segments list`, `rfm matrix`, `stages flow`.
#   bench/segments.sh                      # 100k/500k, 500k/2.5M and 1M/5M
#   bench/segments.sh 1000000 5000000      # one size
#   RUNS=6 bench/segments.sh …             # refresh runs per size (default 4: with keep-snapshots=3 the 4th
#                                          # run also deletes the oldest snapshot, the steady state)
# Data: BENCH_DATA (default bench/work) via bench/data.sh and bench/load-db.sh. The app works on a private copy
# of the load-db database, the reference on its own database from load_csv.sql (both kept under
# $BENCH_DATA/segments-work, built once). Needs python3 and sqlite3.
set -euo pipefail
export REKINDLE_LANGUAGE=en   # the script reads the app's English output, whatever the machine's locale
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
shared="${REKINDLE_SHARED:-$root/../shared}"
export BENCH_DATA="${BENCH_DATA:-$here/work}"
runs="${RUNS:-4}"
work="$BENCH_DATA/segments-work"
mkdir -p "$work"
export REKINDLE_JAVA_OPTS="-Xmx512m -XX:TieredStopAtLevel=4 -Drekindle.bench=true"

sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(100000 500000 500000 2500000 1000000 5000000)

now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
sqlref() { sed "s#\.\./pragmas.sql#$shared/bench/pragmas.sql#" "$1"; }   # the shared scripts read ../pragmas.sql

# one app command: prints "wall_seconds command_ms peak_heap_mb"; output to $work/last.out
app() {
  local t0 t1
  t0=$(now)
  "$root/rekindle" --db "$copy" "$@" >"$work/last.out" 2>"$work/last.err" || { cat "$work/last.err" >&2; exit 1; }
  t1=$(now)
  echo "$(secs "$t0" "$t1") $(grep -o 'rekindle-bench [a-z-]*-ms=[0-9]*' "$work/last.err" | head -1 | cut -d= -f2) \
$(grep -o 'peak-heap-mb=[0-9]*' "$work/last.err" | cut -d= -f2)"
}

"$root/rekindle" help >/dev/null   # build once, outside the timings
echo "segments benchmark — $(date -u +%FT%TZ), $(nproc) cores, sqlite3 $(sqlite3 --version | cut -d' ' -f1), runs per size: $runs"
echo "app: ./rekindle with REKINDLE_JAVA_OPTS=\"$REKINDLE_JAVA_OPTS\"; reference: sqlite3 CLI running $shared/bench/rfm.sql"

i=0
while [ $i -lt ${#sizes[@]} ]; do
  customers=${sizes[$i]}; orders=${sizes[$((i + 1))]}; i=$((i + 2))
  dir="$("$here/data.sh" "$customers" "$orders")"
  db="$("$here/load-db.sh" "$customers" "$orders" | tail -1)"
  tag="c$customers-o$orders"
  ref="$work/ref-$tag.db"
  exec 7>"$work/.lock-$tag"; flock 7
  if [ ! -f "$ref.done" ]; then
    echo "building the reference database $ref …" >&2
    rm -f "$ref"
    (cd "$dir" && sqlref "$shared/bench/load_csv.sql" | sqlite3 "$ref" >/dev/null)
    touch "$ref.done"
  fi
  # a private copy: the shared database stays as load-db.sh made it
  copy="$work/app-$tag.db"
  rm -f "$copy" "$copy-wal" "$copy-shm"
  sqlite3 "$db" "VACUUM INTO '$copy'"
  # a database created before this branch's V3 lacks its tables and columns: let the app apply V3 again
  if [ -z "$(sqlite3 "$copy" "SELECT 1 FROM pragma_table_info('customer_stats') WHERE name = 'main_category'")" ]; then
    sqlite3 "$copy" "DROP TABLE IF EXISTS customer_snapshot; DROP TABLE IF EXISTS snapshot_cells;
                     DROP TABLE IF EXISTS segment_definitions; DROP TABLE IF EXISTS snapshots;
                     DELETE FROM schema_version WHERE version = 3;"
  fi
  "$root/rekindle" --db "$copy" status >/dev/null 2>&1
  size_before=$(du -m "$copy" | cut -f1)
  sync

  echo
  echo "== $customers customers / $orders orders =="
  printf '%-4s %12s %14s %14s %7s %10s\n' run "reference s" "refresh s" "(in-command)" ratio "peak heap"
  : >"$work/ratios"
  for run in $(seq 1 "$runs"); do
    t0=$(now)
    (cd "$dir" && sqlref "$shared/bench/rfm.sql" | sqlite3 "$ref" >/dev/null)
    t1=$(now)
    reference=$(secs "$t0" "$t1")
    read -r wall ms heap <<<"$(app segments refresh --as-of 2025-01-01)"
    ratio=$(awk -v a="$wall" -v b="$reference" 'BEGIN { printf "%.2f", a / b }')
    echo "$ratio" >>"$work/ratios"
    printf '%-4s %12s %14s %13ss %7s %8s MB\n' "$run" "$reference" "$wall" "$(awk -v m="$ms" 'BEGIN { printf "%.2f", m / 1000 }')" "$ratio" "$heap"
  done
  grep -E 'deleted|Snapshot #' "$work/last.out" | sed 's/^/  last refresh: /' | cut -c1-110
  echo "  refresh / reference, median of $runs: $(median <"$work/ratios")×  (target ≤ 0.5×)"

  read -r startup _ _ <<<"$(app help)"
  : >"$work/list"
  for run in 1 2 3; do
    read -r wall ms heap <<<"$(app segments list)"
    echo "$wall $ms $heap" >>"$work/list"
  done
  echo "  segments list: $(cut -d' ' -f1 "$work/list" | median) s end to end (median of 3; in-command" \
       "$(cut -d' ' -f2 "$work/list" | median) ms; 'help' alone takes $startup s to start and stop); peak heap $(cut -d' ' -f3 "$work/list" | sort -n | tail -1) MB"
  read -r wall _ heap <<<"$(app rfm matrix)"
  echo "  rfm matrix: $wall s end to end; peak heap $heap MB"
  read -r wall _ heap <<<"$(app stages flow --days 30)"
  echo "  stages flow --days 30: $wall s end to end; peak heap $heap MB"
  read -r wall _ heap <<<"$(app metrics)"
  echo "  metrics (every order): $wall s end to end; peak heap $heap MB"
  read -r wall _ heap <<<"$(app segments refresh --as-of 2024-07-01)"
  echo "  segments refresh --as-of 2024-07-01 (orders scan): $wall s end to end; peak heap $heap MB"
  echo "  database: $size_before MB before any snapshot, $(du -m "$copy" | cut -f1) MB with" \
       "$(sqlite3 "$copy" 'SELECT count(*) FROM snapshots') kept snapshots"
  rm -f "$copy" "$copy-wal" "$copy-shm"
done
