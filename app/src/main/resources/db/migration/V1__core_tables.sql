-- Core store: customers, orders, products, consents and the per-customer aggregates.
-- Times are shop-local ISO text 'YYYY-MM-DD HH:MM:SS' (sortable, portable); money is REAL in yuan.
-- Internal integer ids keep joins small at a million customers; the shop's own ids are unique columns.

CREATE TABLE customers (
  id            INTEGER PRIMARY KEY,
  buyer_id      TEXT    NOT NULL UNIQUE,     -- the shop's buyer id (Taobao 买家会员名, CDNOW id, …)
  name          TEXT,
  mobile        TEXT,                        -- as given; may be masked or virtual (see mobile_note)
  mobile_note   TEXT,                        -- 'masked', 'virtual' or NULL
  email         TEXT,
  wechat_id     TEXT,
  birthday      TEXT,                        -- 'YYYY-MM-DD', or '--MM-DD' when the year is unknown
  gender        TEXT,                        -- 'F', 'M' or NULL
  city          TEXT,
  member_level  TEXT,                        -- normal / senior / vip / svip
  points        INTEGER NOT NULL DEFAULT 0,
  created_at    TEXT,
  erased_at     TEXT                         -- set by 'customers forget' (PIPL): personal data removed
);

CREATE TABLE orders (
  id            INTEGER PRIMARY KEY,
  order_no      TEXT    NOT NULL UNIQUE,     -- the shop's order id
  customer_id   INTEGER NOT NULL REFERENCES customers(id),
  created_at    TEXT    NOT NULL,
  paid_at       TEXT,                        -- NULL when never paid
  amount        REAL    NOT NULL,            -- amount actually paid
  status        TEXT    NOT NULL,            -- paid, completed, unpaid, closed, refunded
  item_count    INTEGER NOT NULL DEFAULT 1,
  category      TEXT
);
CREATE INDEX orders_by_customer ON orders(customer_id, created_at);

CREATE TABLE products (
  product_id    TEXT PRIMARY KEY,
  title         TEXT NOT NULL,
  category      TEXT,
  lifespan_days INTEGER                      -- how long one purchase lasts (replenishment reminders)
);

-- The latest consent decision per customer and channel ('*' = every channel), with its proof.
CREATE TABLE consents (
  customer_id   INTEGER NOT NULL REFERENCES customers(id),
  channel       TEXT    NOT NULL,
  granted       INTEGER NOT NULL CHECK (granted IN (0, 1)),
  source        TEXT    NOT NULL,            -- where the decision came from: 'reply:T', 'import:file.csv', 'demo' …
  recorded_at   TEXT    NOT NULL,
  PRIMARY KEY (customer_id, channel)
);

-- Kept current by CustomerStats whenever orders change. Only paid/completed orders count as purchases.
CREATE TABLE customer_stats (
  customer_id    INTEGER PRIMARY KEY REFERENCES customers(id),
  first_order_at TEXT,
  last_order_at  TEXT,
  order_count    INTEGER NOT NULL,
  revenue        REAL    NOT NULL
);

-- Small facts about this database: demo anchor date, shop name…
CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
