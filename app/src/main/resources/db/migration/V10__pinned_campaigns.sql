-- Campaigns that run for weeks: a plan keeps what it was approved with until it is finished or
-- cancelled, and a customer gets one message per occasion across campaigns.
-- separator: ;;

-- The chunk copy of planned rows (V9) is retired: ~12 % on warm dry runs did not pay for a second copy of
-- personal data, 190 MB per million targets and a trigger on every customer update. V8's trigger comes back.
DROP TRIGGER customers_drop_planned_rows;;
DROP TABLE campaign_chunks;;

CREATE TRIGGER customers_drop_planned_rows
AFTER UPDATE ON customers
WHEN OLD.buyer_id IS NOT NEW.buyer_id OR OLD.name IS NOT NEW.name OR OLD.mobile IS NOT NEW.mobile
  OR OLD.mobile_note IS NOT NEW.mobile_note OR OLD.email IS NOT NEW.email OR OLD.wechat_id IS NOT NEW.wechat_id
  OR OLD.birthday IS NOT NEW.birthday OR OLD.gender IS NOT NEW.gender OR OLD.city IS NOT NEW.city
  OR OLD.member_level IS NOT NEW.member_level OR OLD.points IS NOT NEW.points OR OLD.erased_at IS NOT NEW.erased_at
  OR OLD.id IS NOT NEW.id
BEGIN
  UPDATE campaign_members SET planned_row = NULL
  WHERE campaign_id IN (SELECT id FROM campaigns) AND customer_id IN (OLD.id, NEW.id) AND planned_row IS NOT NULL;
END;;

-- What a message to this customer is for, '<strategy>|<key>' (birthday-care|2026, dormancy-reminder|2026-09-03):
-- one message per customer per occasion, whatever campaign, channel or re-plan carries it.
ALTER TABLE campaign_members ADD COLUMN occasion TEXT;;
ALTER TABLE deliveries ADD COLUMN occasion TEXT;;
CREATE INDEX deliveries_by_occasion ON deliveries(customer_id, occasion);;

-- The template text a campaign was planned (or last approved) with, per channel: what a send renders, so
-- that what goes out is what the operator read. Editing the file afterwards needs 'campaigns approve'.
CREATE TABLE campaign_templates (
  campaign_id   INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
  channel       TEXT    NOT NULL,             -- the campaign's channel id (file, sms…)
  file          TEXT    NOT NULL,             -- the file it came from, relative to templates/ (locale variant included)
  file_channel  TEXT    NOT NULL,             -- the template's channel name (the file channel uses sms)
  text          TEXT    NOT NULL,
  sha256        TEXT    NOT NULL,
  approved_at   TEXT    NOT NULL,
  PRIMARY KEY (campaign_id, channel)
);;

-- States: planned, sending, finished (every target has a final ledger row), cancelled. 'sent' was the old
-- name of finished, and said "sent" when everybody had been skipped.
UPDATE campaigns SET status = 'finished' WHERE status = 'sent';;
