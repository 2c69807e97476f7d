-- What rendering needs per targeted member, packed at plan time, for speed: a dry run or send of a
-- million members then reads this one column in customer order instead of joining customers and the
-- snapshot and packing twenty-odd values per row, which cost more than rendering the message.
-- The text is the json_array the live read produces (customer and snapshot fields, then the member's
-- customer_id, channel, offer_code, facts, erased flag, then the snapshot's monetary): NULL for holdout
-- and skipped members, for campaigns planned before this migration, and once the customer changed.
-- separator: ;;
-- (the trigger's body holds a ';')
ALTER TABLE campaign_members ADD COLUMN planned_row TEXT;;

-- A planned row is a copy of personal data: it must never outlive a change of the customer row (an import
-- with a new number, 'customers forget' under PIPL). Any change of a packed column drops the copies; the
-- member is then read live again, so a message always uses the customer's current data (and an erased
-- customer is skipped as before). Unchanged rows (an import re-sending the same values) cost nothing;
-- a changed one costs one primary-key look-up per campaign.
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
