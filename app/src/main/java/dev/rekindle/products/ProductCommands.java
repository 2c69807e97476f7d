package dev.rekindle.products;

import dev.rekindle.i18n.Tr;
import dev.rekindle.console.Groups;
import dev.rekindle.console.OutputFormat;
import dev.rekindle.console.Table;
import dev.rekindle.console.TextWidth;
import dev.rekindle.console.UsageException;
import dev.rekindle.console.UserException;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

/** {@code products list} and {@code products show}: what the shop sells and what the orders say about it. */
@Component
class ProductCommands {

    private final JdbcClient jdbc;

    ProductCommands(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Command(name = {"products", "list"}, group = Groups.IMPORT,
            description = "The shop's products with category, lifespan, launch date and units sold",
            help = """
                    products list
                    products list --category 围巾 --format csv""")
    String list(@Option(longName = "category", description = "only this category") String category,
            @Option(longName = "limit", description = "at most this many", defaultValue = "50") Integer limit,
            @Option(longName = "format", description = "table, json or csv", defaultValue = "table") String format) {
        OutputFormat out = OutputFormat.parse(format);
        if (limit < 1) {
            throw new UsageException(Tr.t("--limit must be at least 1"));
        }
        List<Map<String, Object>> rows = jdbc.sql("""
                SELECT p.product_id, p.title, p.category, p.lifespan_days, p.launched_on,
                       (SELECT coalesce(sum(oi.quantity), 0) FROM order_items oi
                        WHERE oi.item_id = p.product_id OR oi.item_id IS NULL AND oi.title = p.title) AS sold
                FROM products p WHERE (:category IS NULL OR p.category = :category)
                ORDER BY p.category, p.product_id LIMIT :limit""")
                .param("category", category == null || category.isBlank() ? null : category.strip())
                .param("limit", limit).query().listOfRows();
        Table t = new Table("item_id", "title", "category", "lifespan_days", "launched_on", "sold");
        rows.forEach(r -> t.row(r.get("product_id"), r.get("title"), r.get("category"), r.get("lifespan_days"),
                r.get("launched_on"), r.get("sold")));
        if (out != OutputFormat.TABLE) {
            return t.render(out);
        }
        StringBuilder sb = new StringBuilder();
        sb.append(rows.isEmpty() ? Tr.t("No products yet. Load them with: products import FILE") : t.render(out)).append('\n');
        coverage(sb);
        return sb.toString().stripTrailing();
    }

    /** How many orders list their goods, and how many of those have a category: what strategies can use. */
    private void coverage(StringBuilder sb) {
        Map<String, Object> c = jdbc.sql("""
                SELECT (SELECT count(*) FROM orders) AS orders,
                       (SELECT count(DISTINCT order_id) FROM order_items) AS listed,
                       (SELECT count(*) FROM orders WHERE category IS NOT NULL) AS categorised,
                       (SELECT count(*) FROM category_rules) AS rules""").query().singleRow();
        sb.append(Tr.f("Orders %,d: %,d list their goods, %,d have a category; %,d category rules (products rules FILE)",
                ((Number) c.get("orders")).longValue(), ((Number) c.get("listed")).longValue(),
                ((Number) c.get("categorised")).longValue(), ((Number) c.get("rules")).longValue())).append('\n');
        List<Map<String, Object>> missing = jdbc.sql("""
                SELECT oi.title, count(*) AS n FROM order_items oi JOIN orders o ON o.id = oi.order_id
                WHERE o.category IS NULL AND oi.title IS NOT NULL GROUP BY oi.title ORDER BY n DESC, oi.title LIMIT 5""")
                .query().listOfRows();
        if (!missing.isEmpty()) {
            sb.append(Tr.t("Most ordered goods without a category (add them to the product file or a rule):")).append('\n');
            missing.forEach(m -> sb.append("  ").append(m.get("title")).append("  ×").append(m.get("n")).append('\n'));
        }
    }

    @Command(name = {"products", "show"}, group = Groups.IMPORT,
            description = "One product: its details, orders and buyers",
            help = "products show SKU-1001")
    String show(@Argument(index = 0, description = "ITEM: the item code (商家编码 / 商品ID)") String item) {
        if (item == null || item.isBlank()) {
            throw new UsageException(Tr.t("missing ITEM, e.g. products show SKU-1001"));
        }
        Map<String, Object> p = jdbc.sql("SELECT product_id, title, category, lifespan_days, launched_on FROM products "
                + "WHERE product_id = ?").param(item.strip()).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> new UserException(Tr.f("no product '%s'. See products list", item.strip())));
        Map<String, Object> sold = jdbc.sql("""
                SELECT count(DISTINCT oi.order_id) AS orders, count(DISTINCT o.customer_id) AS buyers,
                       coalesce(sum(oi.quantity), 0) AS units, min(o.created_at) AS first, max(o.created_at) AS last
                FROM order_items oi JOIN orders o ON o.id = oi.order_id
                WHERE oi.item_id = :id OR oi.item_id IS NULL AND oi.title = :title""")
                .param("id", p.get("product_id")).param("title", p.get("title")).query().singleRow();
        StringBuilder sb = new StringBuilder();
        sb.append(p.get("product_id")).append('\n');
        field(sb, Tr.t("title"), p.get("title"));
        field(sb, Tr.t("category"), p.get("category"));
        field(sb, Tr.t("lifespan"), p.get("lifespan_days") == null ? null : Tr.f("%s days", p.get("lifespan_days")));
        field(sb, Tr.t("launched"), p.get("launched_on"));
        field(sb, Tr.t("orders"), Tr.f("%,d orders, %,d buyers, %,d units", ((Number) sold.get("orders")).longValue(),
                ((Number) sold.get("buyers")).longValue(), ((Number) sold.get("units")).longValue())
                + (sold.get("first") == null ? "" : "  " + sold.get("first") + " … " + sold.get("last")));
        return sb.toString().stripTrailing();
    }

    private static void field(StringBuilder sb, String label, Object value) {
        sb.append("  ").append(TextWidth.pad(label, 12)).append(' ').append(value == null ? "—" : value).append('\n');
    }
}
