package dev.rekindle.products;

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

    /** @return how many orders got another category */
    public static int apply(Connection con) throws SQLException {
        try (Statement st = con.createStatement()) {
            return st.executeUpdate(APPLY);
        }
    }
}
