-- Campaigns: a strategy's plan stored with the snapshot and settings it used, and one row per
-- customer the strategy chose: targeted, held out (control group) or skipped with the guard's reason.
-- Send mode (delivery ledger) and reports read these rows; a dry run only reads them.

CREATE TABLE campaigns (
  id            INTEGER PRIMARY KEY,
  name          TEXT    NOT NULL,
  strategy      TEXT    NOT NULL,             -- strategy id, e.g. winback-silent
  purpose       TEXT    NOT NULL CHECK (purpose IN ('CARE', 'MARKETING')),
  template      TEXT    NOT NULL,             -- folder under templates/
  snapshot_id   INTEGER NOT NULL,             -- the segmentation snapshot planned on (no FK: old snapshots may be pruned)
  as_of         TEXT    NOT NULL,             -- 'YYYY-MM-DD', the snapshot's as-of date
  segment       TEXT,                         -- --segment restriction as given, NULL = none
  channel       TEXT,                         -- --channel restriction, NULL = the strategy's preference order
  holdout_pct   REAL    NOT NULL,             -- share of eligible customers kept as a control group
  holdout_seed  INTEGER NOT NULL,             -- with the customer id, decides the holdout group (deterministic)
  settings      TEXT    NOT NULL,             -- JSON: strategy settings, channel order, occasion, plugin
  facts         TEXT,                         -- JSON: template facts shared by every message (the occasion)
  status        TEXT    NOT NULL DEFAULT 'planned',
  candidates    INTEGER NOT NULL DEFAULT 0,   -- customers the strategy chose
  targets       INTEGER NOT NULL DEFAULT 0,
  holdout       INTEGER NOT NULL DEFAULT 0,
  skipped       INTEGER NOT NULL DEFAULT 0,
  created_at    TEXT    NOT NULL,
  dry_run_at    TEXT,                         -- last dry run, and where its outbox went
  dry_run_file  TEXT
);

-- The offers a campaign hands out, once each; members point at them by code.
CREATE TABLE campaign_offers (
  campaign_id   INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
  code          TEXT    NOT NULL,
  title         TEXT    NOT NULL,
  detail        TEXT    NOT NULL,
  PRIMARY KEY (campaign_id, code)
);

CREATE TABLE campaign_members (
  campaign_id   INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
  customer_id   INTEGER NOT NULL REFERENCES customers(id),
  status        TEXT    NOT NULL CHECK (status IN ('target', 'holdout', 'skipped')),
  channel       TEXT,                         -- chosen channel (also for holdout: where they would have been reached)
  reason        TEXT,                         -- skip reason code (no-contact, refused, no-consent, opted-out …)
  offer_code    TEXT,
  facts         TEXT,                         -- JSON: per-customer template facts, NULL when none
  PRIMARY KEY (campaign_id, customer_id)
);
CREATE INDEX campaign_members_by_status ON campaign_members(campaign_id, status, customer_id);
