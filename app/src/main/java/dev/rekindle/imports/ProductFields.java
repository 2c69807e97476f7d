package dev.rekindle.imports;

import dev.rekindle.imports.source.Field;
import java.util.List;

/** The fields a product import understands (Taobao/Tmall item exports, ERP product lists, a hand-made sheet). */
final class ProductFields {

    static final Field ITEM_ID = Field.of("item_id", "the item's code as order reports give it (商家编码, 商品ID)",
            "item_id", "商家编码", "商品编码", "商品id", "宝贝id", "outer_id", "外部系统编号", "货号", "sku", "sku_id",
            "stock_code", "stockcode", "product_id", "product_code", "id");
    static final Field TITLE = Field.of("title", "the item's title (宝贝标题)", "title", "宝贝标题", "商品标题", "商品名称",
            "宝贝名称", "item_title", "product_name", "name", "description", "product");
    static final Field CATEGORY = Field.of("category", "the product category", "category", "类目", "商品类目", "品类",
            "分类", "宝贝类目", "product_type");
    static final Field LIFESPAN = Field.of("lifespan_days", "how many days one purchase lasts (replenishment)",
            "lifespan_days", "lifespan", "使用周期", "使用天数", "周期天数", "补货周期", "days", "replenish_days");
    static final Field LAUNCHED = Field.of("launched_on", "the day it went on sale (new-product trials)", "launched_on",
            "launch_date", "上架时间", "上新时间", "上新日期", "上市日期", "发布时间", "首次上架时间", "released", "created_at");

    static final List<Field> ALL = List.of(ITEM_ID, TITLE, CATEGORY, LIFESPAN, LAUNCHED);

    private ProductFields() {
    }
}
