#!/usr/bin/env bash
# Benchmark of `predict refresh` (BG/NBD + Gamma-Gamma fit and scoring) on the gen.py data, next to the
# reference RFM query (../shared/bench/rfm.sql, sqlite3 CLI) timed in the same run on the same data.
#   bench/predict.sh                     1,000,000 customers / 5,000,000 orders, as of 2025-01-01
#   bench/predict.sh 100000 500000       a smaller set
#   RUNS=3 bench/predict.sh              best of three alternating runs (a busy machine)
# Prints both times, their ratio and the app's peak heap. The segments figure (`segments refresh`, another
# issue) belongs next to these; run it on the same database copy when it exists.
set -euo pipefail
export REKINDLE_LANGUAGE=en   # the script reads the app's English output, whatever the machine's locale
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
shared="${REKINDLE_SHARED:-$here/../../shared}"
customers="${1:-1000000}"; orders="${2:-5000000}"
export BENCH_DATA="${BENCH_DATA:-$here/work}"
export REKINDLE_JAVA_OPTS="${REKINDLE_JAVA_OPTS:--Xmx512m -XX:TieredStopAtLevel=4 -Drekindle.bench=true}"

db="$("$here/load-db.sh" "$customers" "$orders")"
dir="$("$here/data.sh" "$customers" "$orders")"

# The reference database, built once by the shared load_csv.sql (it reads ../pragmas.sql and ./*.csv).
ref_root="$BENCH_DATA/sqlite-ref-c$customers-o$orders"
exec 7>"$ref_root.lock"
flock 7
if [ ! -f "$ref_root/.done" ]; then
  rm -rf "$ref_root"; mkdir -p "$ref_root/data"
  cp "$shared/bench/pragmas.sql" "$ref_root/"
  ln -s "$dir/customers.csv" "$ref_root/data/customers.csv"
  ln -s "$dir/orders.csv" "$ref_root/data/orders.csv"
  echo "building the reference database in $ref_root …" >&2
  (cd "$ref_root/data" && sqlite3 ref.db < "$shared/bench/load_csv.sql" >/dev/null)
  touch "$ref_root/.done"
fi
flock -u 7

# A private copy: the refresh upgrades the schema and writes a million predictions; the shared file stays as is.
work="$(mktemp -d "${TMPDIR:-/tmp}/rekindle-predict-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
cp "$db" "$work/rekindle.db"
REKINDLE_JAVA_OPTS= "$here/../rekindle" help >/dev/null   # build now if needed, not inside the timing

now() { date +%s.%N; }
runs="${RUNS:-1}"   # RUNS=3 on a busy machine: each side is timed that many times, alternating, best kept
ref=""; app=""
for run in $(seq "$runs"); do
  t0=$(now)
  (cd "$ref_root/data" && sqlite3 ref.db < "$shared/bench/rfm.sql" >/dev/null)
  t1=$(now)
  r=$(echo "$t1 - $t0" | bc -l)
  t0=$(now)
  "$here/../rekindle" --db "$work/rekindle.db" predict refresh --as-of 2025-01-01 >"$work/out.txt" 2>"$work/err.txt"
  t1=$(now)
  a=$(echo "$t1 - $t0" | bc -l)
  printf 'run %d: reference rfm.sql %.1f s, predict refresh %.1f s\n' "$run" "$r" "$a"
  if [ -z "$ref" ] || [ "$(echo "$r < $ref" | bc -l)" = 1 ]; then ref=$r; fi
  if [ -z "$app" ] || [ "$(echo "$a < $app" | bc -l)" = 1 ]; then app=$a; cp "$work/out.txt" "$work/best-out.txt"; cp "$work/err.txt" "$work/best-err.txt"; fi
done

echo "== reference: sqlite3 $(sqlite3 --version | cut -d' ' -f1) rfm.sql on the load_csv.sql database ($customers customers / $orders orders)"
printf 'reference rfm.sql: %.1f s\n' "$ref"
echo "== rekindle: ./rekindle --db COPY predict refresh --as-of 2025-01-01  (REKINDLE_JAVA_OPTS=\"$REKINDLE_JAVA_OPTS\")"
cat "$work/best-out.txt"
grep -vE '^(Upgraded the database schema|rekindle-bench peak-heap)' "$work/best-err.txt" >&2 || true
printf 'predict refresh: %.1f s wall (JVM start included)\n' "$app"
grep -o 'rekindle-bench peak-heap-mb=[0-9]*' "$work/best-err.txt" || echo "(no peak-heap line: was -Drekindle.bench=true set?)"
printf 'ratio predict refresh / reference rfm.sql: %.2f  (best of %d, load average %s)\n' "$(echo "$app / $ref" | bc -l)" "$runs" "$(cut -d' ' -f1-3 /proc/loadavg)"
