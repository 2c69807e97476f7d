-- Real shop data: what was bought per order line, products with their launch date, category
-- rules for shops whose exports carry no category, the consignee as a fact of the order (not of the
-- customer), and the province beside the city.

-- The province of the customer's city (广东 for 深圳), in the same short form as the city.
ALTER TABLE customers ADD COLUMN province TEXT;

-- Who the parcel went to and where, as printed on the order: often a family member or a parcel locker,
-- so it never replaces the member's own name or city. Personal data: 'customers forget' erases it.
ALTER TABLE orders ADD COLUMN consignee TEXT;
ALTER TABLE orders ADD COLUMN ship_province TEXT;
ALTER TABLE orders ADD COLUMN ship_city TEXT;
ALTER TABLE orders ADD COLUMN ship_address TEXT;

-- The day a product went on sale ('YYYY-MM-DD'): new-product trials offer what is new.
ALTER TABLE products ADD COLUMN launched_on TEXT;

-- The goods on an order as the shop's report lists them (Taobao 宝贝标题/商家编码, Tmall 商品ID/商品标题,
-- line-item files). The category is the file's own, when it has one; otherwise the product's, then the
-- category rules decide (see products/Categorizer), and the biggest line gives the order its category.
CREATE TABLE order_items (
  order_id      INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
  line          INTEGER NOT NULL,            -- 1, 2 … in the order the file lists them
  item_id       TEXT,                        -- 商家编码 / 商品ID / SKU as given
  title         TEXT,
  quantity      INTEGER NOT NULL DEFAULT 1,
  amount        REAL,                        -- what the line cost, when the file says
  category      TEXT,                        -- the file's own category for the line, else NULL
  PRIMARY KEY (order_id, line)
);
CREATE INDEX order_items_by_item ON order_items(item_id);

-- Keyword or item-id rules that give a category to goods the product file does not list.
CREATE TABLE category_rules (
  position      INTEGER PRIMARY KEY,         -- the first rule that matches wins
  kind          TEXT    NOT NULL CHECK (kind IN ('item', 'keyword')),
  pattern       TEXT    NOT NULL,
  category      TEXT    NOT NULL
);
