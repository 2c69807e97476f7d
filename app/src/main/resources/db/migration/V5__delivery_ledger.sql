-- The delivery ledger: one row per (campaign, customer, channel), written BEFORE the provider is called
-- and updated after, so that a crash, a kill or Ctrl-C never leads to a second message, and every
-- recipient ends with a state the operator can see. Times are shop-local 'YYYY-MM-DD HH:MM:SS'.
--
-- states: pending   waiting to be sent (new, or after a transient failure; due_at = not before)
--         deferred  waiting for quiet hours to end (due_at)
--         sending   claimed by a run and handed to the channel; a run that dies leaves it → unknown
--         sent      the provider took it (provider_id)
--         failed    permanent failure (reason = provider code, detail = its message)
--         unknown   the request went out and no answer came: never re-sent automatically
--         skipped   a guard said no (reason: opted-out, no-consent, cap…, gave-up, holdout…)
CREATE TABLE deliveries (
  id              INTEGER PRIMARY KEY,
  idempotency_key TEXT    NOT NULL UNIQUE,   -- campaign + customer + channel; travels to the provider (Aliyun OutId)
  campaign_id     INTEGER NOT NULL,
  customer_id     INTEGER,                   -- customers.id; NULL for a post to a group
  channel         TEXT    NOT NULL,
  purpose         TEXT    NOT NULL,          -- CARE or MARKETING
  recipient       TEXT,                      -- masked, for the operator; the full address stays in customers
  state           TEXT    NOT NULL,
  reason          TEXT,                      -- skip reason or provider code
  detail          TEXT,
  provider_id     TEXT,
  attempts        INTEGER NOT NULL DEFAULT 0,
  run_id          INTEGER,                   -- the run that claimed it last
  due_at          TEXT,
  contacted_at    TEXT,                      -- when it was handed to the channel: caps and give-up count from here
  created_at      TEXT    NOT NULL,
  updated_at      TEXT    NOT NULL
);
CREATE INDEX deliveries_by_campaign ON deliveries(campaign_id, state);
CREATE INDEX deliveries_by_customer ON deliveries(customer_id, purpose, contacted_at);

-- One row per send / resume / reconcile run: a lease (only one live run per campaign), a heartbeat, and
-- whether the run read its whole message source (a campaign is finished only then, with no open rows).
CREATE TABLE delivery_runs (
  id            INTEGER PRIMARY KEY,
  campaign_id   INTEGER NOT NULL,
  kind          TEXT    NOT NULL,            -- send, resume, reconcile
  host          TEXT,
  pid           INTEGER,
  started_at    TEXT    NOT NULL,
  heartbeat_at  TEXT    NOT NULL,
  finished_at   TEXT,
  streamed      INTEGER NOT NULL DEFAULT 0,  -- messages read from the source
  complete      INTEGER NOT NULL DEFAULT 0,  -- 1 when the whole source was read
  outcome       TEXT                         -- finished, stopped: why, interrupted
);
CREATE INDEX delivery_runs_by_campaign ON delivery_runs(campaign_id, id);
