-- Predicted churn and value: one fit record per `predict refresh`, and the current prediction per
-- customer who had bought by that refresh's as-of date. Customers who never bought have no row (NULL fields).
-- Time unit of the models: weeks. Money: yuan, like orders.amount.

CREATE TABLE prediction_fits (
  id                    INTEGER PRIMARY KEY,
  as_of                 TEXT    NOT NULL,     -- 'YYYY-MM-DD'; purchases after this day were ignored
  created_at            TEXT    NOT NULL,
  customers             INTEGER NOT NULL,     -- customers with a purchase up to as_of
  repeat_customers      INTEGER NOT NULL,     -- of them, with a purchase on more than one day
  bg_r                  REAL    NOT NULL,     -- BG/NBD: purchase rates ~ Gamma(r, alpha), alpha in weeks
  bg_alpha              REAL    NOT NULL,
  bg_a                  REAL    NOT NULL,     -- drop-out probability after a purchase ~ Beta(a, b)
  bg_b                  REAL    NOT NULL,
  bg_log_likelihood     REAL    NOT NULL,
  gg_customers          INTEGER NOT NULL,     -- repeat customers with a spend, the Gamma-Gamma sample
  gg_p                  REAL,                 -- Gamma-Gamma spend model; NULL when it could not be fitted
  gg_q                  REAL,
  gg_v                  REAL,
  margin                REAL    NOT NULL,     -- share of revenue counted as value (1 = revenue)
  annual_discount_rate  REAL    NOT NULL,     -- applied monthly to the 365-day value
  seconds               REAL    NOT NULL      -- how long the refresh took
);

CREATE TABLE predictions (
  customer_id          INTEGER PRIMARY KEY REFERENCES customers(id),
  fit_id               INTEGER NOT NULL REFERENCES prediction_fits(id),
  as_of                TEXT    NOT NULL,
  frequency            INTEGER NOT NULL,      -- repeat purchase days (same-day orders merged, first day not counted)
  recency_weeks        REAL    NOT NULL,      -- first to last purchase day
  t_weeks              REAL    NOT NULL,      -- first purchase day to as_of
  monetary             REAL    NOT NULL,      -- mean spend per repeat purchase day; 0 without one
  p_alive              REAL    NOT NULL,      -- probability the customer still buys (has not dropped out)
  expected_orders_90d  REAL    NOT NULL,      -- expected purchase days in the 90 days after as_of
  expected_spend       REAL    NOT NULL,      -- expected spend per future purchase day (Gamma-Gamma)
  clv_365d             REAL    NOT NULL       -- expected value of the 365 days after as_of, × margin, discounted
);
