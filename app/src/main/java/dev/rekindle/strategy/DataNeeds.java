package dev.rekindle.strategy;

import dev.rekindle.api.DataNeed;
import dev.rekindle.api.Strategy;
import dev.rekindle.i18n.Tr;
import dev.rekindle.store.CustomerStats;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Says which data a strategy lacks and which command brings it, so that "nobody qualifies" never comes
 * without a reason: {@code strategies show} lists it, and {@code campaigns plan} tells it when a plan finds
 * nobody (then no campaign is stored: see {@link #nobodyEligible}). Each check is one count on the database.
 */
@Component
public class DataNeeds {

    private final JdbcTemplate jdbc;

    public DataNeeds(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One line per missing piece of data: what is missing, and the command that brings it. Empty when all is there. */
    public List<String> missing(Strategy s) {
        List<String> out = new ArrayList<>();
        for (DataNeed need : s.needs().stream().sorted().toList()) {
            String line = switch (need) {
                case ORDERS -> count("SELECT count(*) FROM orders WHERE status IN " + CustomerStats.PURCHASE_STATUSES) > 0 ? null
                        : Tr.t("no purchases yet — bring them with: orders import FILE (then segments refresh)");
                case ORDER_CATEGORIES -> count("SELECT count(*) FROM orders WHERE category IS NOT NULL") > 0 ? null
                        : Tr.t("no order has a category — the order file has no category column, and no product or rule "
                                + "gives one: products import FILE (with a category column) or products rules FILE "
                                + "(keyword → category); then segments refresh");
                case PRODUCT_LIFESPANS -> lifespans();
                case PRODUCT_LAUNCH_DATES -> count("SELECT count(*) FROM products WHERE launched_on IS NOT NULL") > 0 ? null
                        : Tr.t("no product has a launch date — products import FILE with a launched_on (上架时间) column");
                case BIRTHDAYS -> count("SELECT count(*) FROM customers WHERE birthday IS NOT NULL AND erased_at IS NULL") > 0
                        ? null : Tr.t("no customer has a birthday — customers import FILE (a member file with 生日)");
            };
            if (line != null) out.add(line);
        }
        return out;
    }

    private String lifespans() {
        if (count("SELECT count(*) FROM products WHERE lifespan_days > 0") == 0) {
            return Tr.t("no product has a lifespan — products import FILE with a lifespan_days (使用周期) column");
        }
        // lifespans exist, but must reach an order: through its category or its listed goods (each a single
        // pass over orders or order_items at worst: this runs on every strategies show)
        long reached = count("""
                SELECT EXISTS (SELECT 1 FROM (SELECT DISTINCT category FROM orders WHERE category IS NOT NULL) c
                               JOIN products p ON p.category = c.category AND p.lifespan_days > 0)
                    OR EXISTS (SELECT 1 FROM order_items oi JOIN products p ON p.product_id = oi.item_id
                               WHERE p.lifespan_days > 0)
                    OR EXISTS (SELECT 1 FROM order_items oi JOIN products p ON oi.item_id IS NULL AND p.title = oi.title
                               WHERE p.lifespan_days > 0)""");
        return reached > 0 ? null
                : Tr.t("no ordered goods match a product with a lifespan — check that the product file's item codes "
                        + "(商家编码) or categories are the ones the orders carry: products list");
    }

    /**
     * The lines {@code campaigns plan} prints when a plan finds nobody: that no campaign was stored, and why
     * when data is missing.
     */
    public List<String> nobodyEligible(Strategy s) {
        List<String> lines = new ArrayList<>();
        List<String> missing = missing(s);
        if (missing.isEmpty()) {
            lines.add(Tr.f("Nobody qualifies today, and the data %s needs is there: see strategies show %s for its settings.",
                    s.id(), s.id()));
        } else {
            lines.add(Tr.f("%s lacks data:", s.id()));
            missing.forEach(m -> lines.add("  - " + m));
        }
        return lines;
    }

    private long count(String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }
}
