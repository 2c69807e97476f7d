-- Open contact kinds (issue 16): addresses of kinds that have no column in customers, e.g. a LINE or
-- DingTalk user id for a plugin channel whose traits name ContactKind.of("line"). One address per customer
-- and kind; imported from a customers file's `contact:<kind>` columns. Personal data: 'customers forget'
-- deletes the rows. The known kinds (mobile, email, wechat) stay in their customers columns.
CREATE TABLE IF NOT EXISTS customer_contacts (
  customer_id   INTEGER NOT NULL REFERENCES customers(id),
  kind          TEXT    NOT NULL,            -- the kind's id: [a-z][a-z0-9-]*, never mobile/email/wechat/group
  address       TEXT    NOT NULL,            -- as given, trimmed
  PRIMARY KEY (customer_id, kind)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS customer_contacts_by_kind ON customer_contacts(kind);
