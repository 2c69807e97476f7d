package dev.rekindle.imports;

import dev.rekindle.imports.source.Field;
import java.util.List;

/** The fields an order import understands, with the header names that mean them (best first). */
final class OrderFields {

    static final Field ORDER_ID = Field.of("order_id", "the order number", "order_id", "订单编号", "订单号", "order_no",
            "order_number", "order", "invoice_no", "invoice", "交易编号", "订单id");
    static final Field CUSTOMER_ID = Field.of("customer_id", "the buyer's id", "customer_id", "买家会员名", "buyer_id",
            "buyer", "customer", "member_id", "user_id", "buyer_nick", "买家昵称", "会员名", "客户编号", "客户id", "用户id",
            "会员id", "买家id");
    static final Field TIME = Field.of("time", "when the order was placed", "time", "order_time", "订单创建时间",
            "created_at", "order_date", "date", "下单时间", "创建时间", "订单时间", "交易时间", "日期", "invoice_date",
            "created", "datetime", "timestamp", "purchase_date");
    static final Field AMOUNT = Field.of("amount", "what the buyer paid", "amount", "paid_amount", "买家实际支付金额",
            "实付金额", "买家实付金额", "实收金额", "支付金额", "order_amount", "total_amount", "total", "订单金额", "总金额",
            "金额", "revenue", "sales", "value", "dollar_value", "dollars");
    static final Field STATUS = Field.of("status", "paid, completed, unpaid, closed, refunded or Taobao's texts",
            "status", "订单状态", "order_status", "交易状态", "状态", "state", "financial_status");
    static final Field PAID_TIME = Field.of("paid_time", "when it was paid (empty or 0000-00-00: never)", "paid_time",
            "paid_at", "订单付款时间", "payment_time", "pay_time", "付款时间", "支付时间", "paid_date");
    static final Field ITEM_COUNT = Field.of("item_count", "how many items", "item_count", "宝贝总数量", "items",
            "quantity", "qty", "商品数量", "购买数量", "数量", "number_of_cds", "cds", "units", "件数");
    static final Field CATEGORY = Field.of("category", "the product category", "category", "类目", "商品类目", "品类",
            "product_type", "分类");
    static final Field NAME = Field.of("name", "the buyer's name", "收货人姓名", "customer_name", "buyer_name", "收货人",
            "姓名", "客户姓名", "shipping_name", "billing_name");
    static final Field MOBILE = Field.of("mobile", "the buyer's mobile number", "联系手机", "mobile", "phone", "手机",
            "手机号", "手机号码", "联系电话", "telephone", "tel", "cellphone", "shipping_phone");
    static final Field ADDRESS = Field.of("address", "the delivery address (gives the city)", "收货地址", "address",
            "shipping_address", "地址", "详细地址");
    static final Field CITY = Field.of("city", "the buyer's city", "city", "城市", "收货城市", "所在城市", "shipping_city");
    static final Field ITEM_ID = Field.of("item_id", "the item's code (商家编码, 商品ID, SKU)", "item_id", "商家编码",
            "商品编码", "商品id", "宝贝id", "outer_id", "外部系统编号", "货号", "sku", "sku_id", "stock_code", "stockcode",
            "product_id", "product_code");
    static final Field PRODUCT = Field.of("product", "the item's title (宝贝标题, 商品标题)", "product", "宝贝标题",
            "商品标题", "商品名称", "宝贝名称", "item_title", "title", "product_name", "description");

    /** One row per order (generic, Taobao's order report, CDNOW). */
    static final List<Field> ORDERS = List.of(ORDER_ID, CUSTOMER_ID, TIME, PAID_TIME, AMOUNT, STATUS, ITEM_COUNT, CATEGORY,
            NAME, MOBILE, ADDRESS, CITY, ITEM_ID, PRODUCT);

    // line items: one row per product, several per order
    static final Field QUANTITY = Field.of("quantity", "units on the line (negative: returned)", "quantity", "qty",
            "购买数量", "数量", "商品数量", "units");
    static final Field UNIT_PRICE = Field.of("unit_price", "price of one unit", "unit_price", "unitprice", "price",
            "商品价格", "单价", "商品单价", "sale_price");
    static final Field LINE_AMOUNT = Field.of("line_amount", "what the buyer paid for the line", "line_amount",
            "买家实付金额", "实付金额", "买家应付货款");
    static final Field SUB_ORDER_ID = Field.of("sub_order_id", "Tmall's sub-order number", "sub_order_id", "子订单编号",
            "子订单号");
    static final Field MAIN_ORDER_ID = Field.of("order_id", "the order number", "主订单编号", "order_id", "订单编号",
            "订单号", "invoice_no", "invoice", "order_no", "order_number", "order");
    static final Field REFUND_STATUS = Field.of("refund_status", "Tmall's 退款状态 (退款成功: money returned)",
            "refund_status", "退款状态", "售后状态");

    static final List<Field> LINES = List.of(ORDER_ID, CUSTOMER_ID, TIME, QUANTITY, UNIT_PRICE, ITEM_ID, PRODUCT, CATEGORY);

    /** Tmall's newer report: one row per sub-order. */
    static final List<Field> TMALL = List.of(SUB_ORDER_ID, MAIN_ORDER_ID, CUSTOMER_ID, TIME, PAID_TIME, LINE_AMOUNT,
            QUANTITY, UNIT_PRICE, STATUS, REFUND_STATUS, ITEM_ID, PRODUCT, CATEGORY, NAME, MOBILE, ADDRESS, CITY);

    private OrderFields() {
    }
}
