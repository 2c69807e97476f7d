-- Segmentation snapshots.
-- A snapshot fixes the as-of date and the settings used; everything downstream names the snapshot it used.
-- The current snapshot is the one with the highest id.

CREATE TABLE snapshots (
  id          INTEGER PRIMARY KEY,
  as_of       TEXT    NOT NULL,             -- 'YYYY-MM-DD'; orders after this date are ignored
  created_at  TEXT    NOT NULL,
  settings    TEXT    NOT NULL,             -- JSON: window, scoring method, stage thresholds, score cuts …
  customers   INTEGER NOT NULL DEFAULT 0
);

-- One row per customer per snapshot. Customers who never bought have stage 'none' and NULL scores.
-- WITHOUT ROWID (SQLite-specific; plain table elsewhere): rows are stored in primary-key order, so one
-- snapshot is one contiguous range — written by appending, read by a range scan, dropped as a range.
CREATE TABLE customer_snapshot (
  snapshot_id    INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
  customer_id    INTEGER NOT NULL REFERENCES customers(id),
  recency_days   INTEGER,                   -- days from the last purchase to as_of (small = recent)
  frequency      INTEGER NOT NULL DEFAULT 0,
  monetary       REAL    NOT NULL DEFAULT 0,
  r              INTEGER,                   -- 1..5, 5 = most recent; equal values get equal scores
  f              INTEGER,                   -- 1..5, 5 = most orders
  m              INTEGER,                   -- 1..5, 5 = most spend
  stage          TEXT    NOT NULL,          -- active, silent, sleeping, lost, gone, none
  segment        TEXT,                      -- important_value, important_develop, important_keep, important_retain,
                                            -- general_value, general_develop, general_keep, general_retain
  main_category  TEXT,                      -- the category the customer mostly buys
  first_order_at TEXT,
  last_order_at  TEXT,
  PRIMARY KEY (snapshot_id, customer_id)
) WITHOUT ROWID;
CREATE INDEX customer_snapshot_stage ON customer_snapshot(snapshot_id, stage);

-- Customers per (stage, segment, R, F) of a snapshot, written with it: 'segments list' and 'rfm matrix'
-- read a few hundred rows instead of a million. Sums, so that averages can be rolled up.
CREATE TABLE snapshot_cells (
  snapshot_id   INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
  stage         TEXT    NOT NULL,
  segment       TEXT,
  r             INTEGER,
  f             INTEGER,
  customers     INTEGER NOT NULL,
  monetary_sum  REAL    NOT NULL,
  frequency_sum INTEGER NOT NULL,
  recency_sum   INTEGER NOT NULL              -- over customers who bought (recency is NULL otherwise)
);
CREATE INDEX snapshot_cells_by_snapshot ON snapshot_cells(snapshot_id);

-- User-defined segments: a name and a filter expression, re-evaluated against the current snapshot.
CREATE TABLE segment_definitions (
  name        TEXT PRIMARY KEY,
  expression  TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);

-- The category a customer mostly buys (most purchase orders; then spend; then most recent), kept current
-- with the other aggregates by CustomerStats, so that a snapshot needs no scan of the orders.
ALTER TABLE customer_stats ADD COLUMN main_category TEXT;
-- Databases that already hold orders get it now (the same rule as CustomerStats).
UPDATE customer_stats SET main_category = ranked.category
FROM (SELECT customer_id, category,
             row_number() OVER (PARTITION BY customer_id
                                ORDER BY count(*) DESC, sum(amount) DESC, max(created_at) DESC, category) AS rn
      FROM orders WHERE status IN ('paid', 'completed') AND category IS NOT NULL
      GROUP BY customer_id, category) ranked
WHERE ranked.rn = 1 AND ranked.customer_id = customer_stats.customer_id;
