#!/usr/bin/env bash
# Import benchmark (issue 3): the app imports the gen.py files (customers import, then orders import, as two
# ./rekindle processes and again as one @script process; JVM start included) and, in the same run, the sqlite3 CLI loads the same files
# with ../shared/bench/load_csv.sql (CSV import + index + ANALYZE). Prints both times, the ratio, peak heap.
#   BENCH_DATA=/work/bench-data bench/import.sh                 1,000,000 customers / 5,000,000 orders
#   bench/import.sh 100000 500000                                a smaller set
#   ROUNDS=3 bench/import.sh                                     alternate 3 times, report the medians
# REKINDLE_JAVA_OPTS defaults to "-Xmx512m -Drekindle.bench=true" (the launcher's own JIT settings apply).
set -euo pipefail
export REKINDLE_LANGUAGE=en   # the script reads the app's English output, whatever the machine's locale
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$here/.."
shared="${REKINDLE_SHARED:-$here/../../shared}"
customers="${1:-1000000}"; orders="${2:-5000000}"; rounds="${ROUNDS:-1}"
dir="$("$here/data.sh" "$customers" "$orders")"
export REKINDLE_JAVA_OPTS="${REKINDLE_JAVA_OPTS:--Xmx512m -Drekindle.bench=true}"
work="$(mktemp -d "${TMPDIR:-/tmp}/rekindle-import-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# load_csv.sql reads customers.csv/orders.csv from the current folder and ../pragmas.sql: run it from the
# data folder with the pragmas path made absolute.
sed "s#\.\./pragmas\.sql#$shared/bench/pragmas.sql#" "$shared/bench/load_csv.sql" > "$work/load_csv.sql"

"$root/rekindle" --db "$work/warm.db" help >/dev/null   # build and warm the class-data archive outside the timings

now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
# CPU seconds (user + system) of a command, appended to $1: on a shared machine wall time also measures the
# neighbours, CPU time much less so.
cpu() { local out="$1"; shift; /usr/bin/time -f "%U %S" -o "$work/cpu.tmp" "$@"; awk '{ printf "%.2f\n", $1 + $2 }' "$work/cpu.tmp" >> "$out"; }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

: > "$work/ref.times"; : > "$work/app.times"; : > "$work/customers.times"; : > "$work/orders.times"; : > "$work/heap"
: > "$work/ref.cpu"; : > "$work/customers.cpu"; : > "$work/orders.cpu"; : > "$work/app.cpu"
: > "$work/one.times"; : > "$work/one.cpu"
# the same two imports as one script in one process, the way a daily script runs them
printf 'customers import %s\norders import %s\n' "$dir/customers.csv" "$dir/orders.csv" > "$work/both.rk"
for round in $(seq "$rounds"); do
  rm -f "$work/ref.db" "$work/app.db" "$work/app.db-wal" "$work/app.db-shm"
  t0=$(now)
  (cd "$dir" && cpu "$work/ref.cpu" sh -c "sqlite3 '$work/ref.db' < '$work/load_csv.sql' > /dev/null")
  t1=$(now)
  cpu "$work/customers.cpu" "$root/rekindle" --db "$work/app.db" customers import "$dir/customers.csv" > "$work/customers.out" 2> "$work/customers.err"
  t2=$(now)
  cpu "$work/orders.cpu" "$root/rekindle" --db "$work/app.db" orders import "$dir/orders.csv" > "$work/orders.out" 2> "$work/orders.err"
  t3=$(now)
  rm -f "$work/one.db" "$work/one.db-wal" "$work/one.db-shm"
  cpu "$work/one.cpu" "$root/rekindle" --db "$work/one.db" "@$work/both.rk" > "$work/one.out" 2> "$work/one.err"
  t4=$(now)
  echo "$(secs "$t3" "$t4")" >> "$work/one.times"
  echo "$(secs "$t0" "$t1")" >> "$work/ref.times"
  echo "$(secs "$t1" "$t3")" >> "$work/app.times"
  echo "$(secs "$t1" "$t2")" >> "$work/customers.times"
  echo "$(secs "$t2" "$t3")" >> "$work/orders.times"
  cat "$work/customers.err" "$work/orders.err" "$work/one.err" | sed -n 's/^rekindle-bench peak-heap-mb=//p' | tr '\n' '/' | sed 's#/$#\n#' >> "$work/heap"
  awk -v a="$(tail -1 "$work/customers.cpu")" -v b="$(tail -1 "$work/orders.cpu")" 'BEGIN { printf "%.2f\n", a + b }' >> "$work/app.cpu"
  echo "round $round: sqlite3 $(tail -1 "$work/ref.times") s (cpu $(tail -1 "$work/ref.cpu")), app 2 processes $(tail -1 "$work/app.times") s (cpu $(tail -1 "$work/app.cpu")), app 1 process $(tail -1 "$work/one.times") s (cpu $(tail -1 "$work/one.cpu")), load $(cut -d' ' -f1 /proc/loadavg)" >&2
done

ref=$(median < "$work/ref.times"); app=$(median < "$work/app.times")
echo "== import benchmark: $customers customers / $orders orders ($dir), $rounds round(s), $(nproc) cores"
echo "-- app output (last round)"
cat "$work/customers.out" "$work/orders.out"
echo "-- counts in the app's database"
sqlite3 "$work/app.db" "SELECT 'customers ' || count(*) FROM customers; SELECT 'orders ' || count(*) FROM orders;
                        SELECT 'customer_stats ' || count(*) || ' rows, ' || sum(order_count) || ' orders' FROM customer_stats;"
refcpu=$(median < "$work/ref.cpu"); appcpu=$(median < "$work/app.cpu")
echo "-- times (median of $rounds; load average now $(cut -d' ' -f1-3 /proc/loadavg))"
echo "                                                         wall       cpu (user+sys)"
printf "sqlite3 CLI load_csv.sql (import + index + ANALYZE)   %8.2f s  %8.2f s\n" "$ref" "$refcpu"
printf "app customers import                                  %8.2f s  %8.2f s\n" "$(median < "$work/customers.times")" "$(median < "$work/customers.cpu")"
printf "app orders import                                     %8.2f s  %8.2f s\n" "$(median < "$work/orders.times")" "$(median < "$work/orders.cpu")"
printf "app total (2 processes, JVM start included)           %8.2f s  %8.2f s\n" "$app" "$appcpu"
one=$(median < "$work/one.times"); onecpu=$(median < "$work/one.cpu")
printf "app both imports in one process (@script)             %8.2f s  %8.2f s\n" "$one" "$onecpu"
awk -v a="$app" -v r="$ref" -v ac="$appcpu" -v rc="$refcpu" 'BEGIN { printf "ratio app (2 processes) / sqlite3                     %8.2f x  %8.2f x\n", a / r, ac / rc }'
awk -v a="$one" -v r="$ref" -v ac="$onecpu" -v rc="$refcpu" 'BEGIN { printf "ratio app (1 process) / sqlite3                       %8.2f x  %8.2f x   (target <= 1.5)\n", a / r, ac / rc }'
printf "peak heap (MB, customers/orders/one process per round, %s)   %s\n" "$REKINDLE_JAVA_OPTS" "$(tr '\n' ' ' < "$work/heap")"
