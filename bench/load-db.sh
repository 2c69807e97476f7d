#!/usr/bin/env bash
# Builds a Rekindle database from the gen.py benchmark CSVs with the sqlite3 CLI (not the app's importer):
# a fast shortcut for benchmarks of what comes after import (segments, campaigns, predictions).
#   bench/load-db.sh 1000000 5000000     → prints the path of the database ($BENCH_DATA/rekindle-c…-o….db)
# Creates the schema with the app itself (./rekindle --db … status), then bulk-inserts and fills customer_stats.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
customers="${1:?customers}"; orders="${2:?orders}"
dir="$("$here/data.sh" "$customers" "$orders")"
root="${BENCH_DATA:-$here/work}"
db="$root/rekindle-c$customers-o$orders.db"
exec 8>"$db.lock"
flock 8
if [ ! -f "$db.done" ]; then
  rm -f "$db" "$db-wal" "$db-shm"
  "$here/../rekindle" --db "$db" status >/dev/null
  echo "loading $dir into $db …" >&2
  sqlite3 "$db" >&2 <<SQL   # its PRAGMA answers ("wal") must not mix with the path printed below
PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA foreign_keys=OFF;
CREATE TEMP TABLE c_in(customer_id TEXT, created_at TEXT);
CREATE TEMP TABLE o_in(order_id TEXT, customer_id TEXT, order_time TEXT, amount REAL);
.import --csv --skip 1 $dir/customers.csv c_in
.import --csv --skip 1 $dir/orders.csv o_in
BEGIN;
INSERT INTO customers(id, buyer_id, created_at) SELECT CAST(customer_id AS INTEGER), customer_id, created_at FROM c_in;
INSERT INTO orders(id, order_no, customer_id, created_at, paid_at, amount, status, item_count)
  SELECT CAST(order_id AS INTEGER), order_id, CAST(customer_id AS INTEGER), order_time, order_time, amount, 'completed', 1 FROM o_in;
INSERT INTO customer_stats(customer_id, first_order_at, last_order_at, order_count, revenue)
  SELECT customer_id, min(created_at), max(created_at), count(*), round(sum(amount), 2) FROM orders GROUP BY customer_id;
COMMIT;
ANALYZE;
SQL
  touch "$db.done"
fi
echo "$db"
