-- Imports: returned goods, and a log of every import run.

-- Goods a customer sent back, from line-item files (negative quantities or cancelled invoices such as
-- 'C536379'). Kept apart from orders so that they never count as purchases; one row per return document.
CREATE TABLE returns (
  id            INTEGER PRIMARY KEY,
  return_no     TEXT    NOT NULL UNIQUE,     -- the document that carried the return, as given in the file
  customer_id   INTEGER NOT NULL REFERENCES customers(id),
  returned_at   TEXT    NOT NULL,            -- shop-local 'YYYY-MM-DD HH:MM:SS'
  amount        REAL    NOT NULL,            -- value of the goods returned (positive)
  item_count    INTEGER NOT NULL,            -- units returned (positive)
  order_no      TEXT                         -- the order the return belongs to, when the file says so
);
CREATE INDEX returns_by_customer ON returns(customer_id, returned_at);

-- One row per import run, including rejected ones (written after the rollback), for the operator's record.
CREATE TABLE import_log (
  id            INTEGER PRIMARY KEY,
  kind          TEXT    NOT NULL,            -- orders, customers, consents
  file          TEXT    NOT NULL,            -- absolute path as given
  format        TEXT,                        -- taobao, tmall, generic, lines, cdnow, …
  encoding      TEXT,                        -- UTF-8, GB18030, …
  started_at    TEXT    NOT NULL,
  finished_at   TEXT    NOT NULL,
  outcome       TEXT    NOT NULL,            -- imported, rejected (nothing changed), failed
  rows_read     INTEGER NOT NULL DEFAULT 0,
  added         INTEGER NOT NULL DEFAULT 0,
  updated       INTEGER NOT NULL DEFAULT 0,
  unchanged     INTEGER NOT NULL DEFAULT 0,
  skipped       INTEGER NOT NULL DEFAULT 0,
  rejected      INTEGER NOT NULL DEFAULT 0,
  summary       TEXT                         -- the summary printed to the operator
);
