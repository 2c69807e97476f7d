-- Segmentation snapshots (issue 4 owns this file until it is released).
-- A snapshot fixes the as-of date and the settings used; everything downstream names the snapshot it used.
-- The current snapshot is the one with the highest id.

CREATE TABLE snapshots (
  id          INTEGER PRIMARY KEY,
  as_of       TEXT    NOT NULL,             -- 'YYYY-MM-DD'; orders after this date are ignored
  created_at  TEXT    NOT NULL,
  settings    TEXT    NOT NULL,             -- JSON: window, scoring method, stage thresholds …
  customers   INTEGER NOT NULL DEFAULT 0
);

-- One row per customer per snapshot. Customers who never bought have stage 'none' and NULL scores.
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
);
CREATE INDEX customer_snapshot_stage ON customer_snapshot(snapshot_id, stage);
