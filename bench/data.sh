#!/usr/bin/env bash
# Generates (once) the reference benchmark data with ../shared/bench/gen.py and prints its folder.
#   bench/data.sh 1000000 5000000      → $BENCH_DATA/c1000000-o5000000 (customers.csv, orders.csv)
# BENCH_DATA defaults to bench/work (git-ignored). Safe to call from several benchmarks at once.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
shared="${REKINDLE_SHARED:-$here/../../shared}"
customers="${1:?customers}"; orders="${2:?orders}"; seed="${3:-42}"
root="${BENCH_DATA:-$here/work}"
dir="$root/c$customers-o$orders"
mkdir -p "$root"
exec 9>"$root/.lock-c$customers-o$orders"
flock 9
if [ ! -f "$dir/.done" ]; then
  echo "generating $customers customers / $orders orders into $dir …" >&2
  python3 "$shared/bench/gen.py" "$customers" "$orders" "$dir" "$seed" >&2
  touch "$dir/.done"
fi
echo "$dir"
