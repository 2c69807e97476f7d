package dev.rekindle.products;

import dev.rekindle.store.CustomerStats;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Gives every order whose goods are listed (order_items) the category of its biggest line. A line's category
 * is, first found: the file's own category for the line, the category of the product with its item code,
 * of the product with its exact title, then the first category rule that matches its code or a keyword of
 * its title. Runs after each order, product or rule import, inside that import's transaction; orders
 * without listed goods keep the category their file gave.
 */
public final class Categorizer {

    /** A line's category, as an SQL expression over {@code order_items oi}. */
    static final String LINE_CATEGORY = """
            coalesce(oi.category,
                     (SELECT p.category FROM products p WHERE p.product_id = oi.item_id AND p.category IS NOT NULL),
                     (SELECT p.category FROM products p WHERE p.title = oi.title AND p.category IS NOT NULL
                      ORDER BY p.product_id LIMIT 1),
                     (SELECT r.category FROM category_rules r
                      WHERE r.kind = 'item' AND r.pattern = oi.item_id
                         OR r.kind = 'keyword' AND instr(oi.title, r.pattern) > 0
                      ORDER BY r.position LIMIT 1))""";

    private static final String APPLY = """
            UPDATE orders SET category = x.category
            FROM (SELECT order_id, category FROM (
                    SELECT oi.order_id, %s AS category,
                           row_number() OVER (PARTITION BY oi.order_id ORDER BY oi.amount DESC, oi.line) AS rn
                    FROM order_items oi) WHERE rn = 1) x
            WHERE orders.id = x.order_id AND orders.category IS NOT x.category""".formatted(LINE_CATEGORY);

    private Categorizer() {
    }

    // as store/CustomerStats: most purchase orders, then most spent, then most recent, then by name
    private static final String MAIN_CATEGORY = """
            UPDATE customer_stats SET main_category = ranked.category
            FROM (SELECT customer_id, category,
                         row_number() OVER (PARTITION BY customer_id
                                            ORDER BY count(*) DESC, sum(amount) DESC, max(created_at) DESC, category) AS rn
                  FROM orders WHERE status IN %s AND category IS NOT NULL
                  GROUP BY customer_id, category) ranked
            WHERE ranked.rn = 1 AND ranked.customer_id = customer_stats.customer_id
              AND customer_stats.main_category IS NOT ranked.category""".formatted(CustomerStats.PURCHASE_STATUSES);

    /**
     * @return how many orders got another category; when any did, the customers' main categories are worked
     *         out again (segmentation's per-category stages and new-product trials read them)
     */
    public static int apply(Connection con) throws SQLException {
        try (Statement st = con.createStatement()) {
            int changed = st.executeUpdate(APPLY);
            if (changed > 0) {
                st.executeUpdate("""
                        UPDATE customer_stats SET main_category = NULL WHERE main_category IS NOT NULL AND NOT EXISTS (
                          SELECT 1 FROM orders o WHERE o.customer_id = customer_stats.customer_id
                            AND o.category IS NOT NULL AND o.status IN %s)""".formatted(CustomerStats.PURCHASE_STATUSES));
                st.executeUpdate(MAIN_CATEGORY);
            }
            return changed;
        }
    }
}
