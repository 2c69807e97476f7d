package dev.rekindle.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code customer_stats} (first/last order, order count, revenue, main category per customer) in step with
 * {@code orders}. Every code path that changes orders calls one of these in the same transaction, so
 * analysis reads one row per customer instead of every order.
 */
@Component
public class CustomerStats {

    /** Orders that count as purchases; unpaid, closed and refunded orders are kept but not counted. */
    public static final String PURCHASE_STATUSES = "('paid', 'completed')";

    private static final String AGGREGATE = """
            INSERT INTO customer_stats(customer_id, first_order_at, last_order_at, order_count, revenue)
            SELECT customer_id, min(created_at), max(created_at), count(*), round(sum(amount), 2)
            FROM orders WHERE status IN %s %s GROUP BY customer_id""";
    /**
     * The category a customer mostly buys: most purchase orders, then most spent, then most recent, then by
     * name (so the choice is stable). Segmentation reads it to apply per-category lifecycle thresholds.
     */
    private static final String MAIN_CATEGORY = """
            UPDATE customer_stats SET main_category = ranked.category
            FROM (SELECT customer_id, category,
                         row_number() OVER (PARTITION BY customer_id
                                            ORDER BY count(*) DESC, sum(amount) DESC, max(created_at) DESC, category) AS rn
                  FROM orders WHERE status IN %s AND category IS NOT NULL %s
                  GROUP BY customer_id, category) ranked
            WHERE ranked.rn = 1 AND ranked.customer_id = customer_stats.customer_id""";
    private static final int CHUNK = 500;

    private final JdbcClient jdbc;

    public CustomerStats(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Recomputes every customer's aggregates (after a bulk load). */
    public void refreshAll() {
        jdbc.sql("DELETE FROM customer_stats").update();
        jdbc.sql(AGGREGATE.formatted(PURCHASE_STATUSES, "")).update();
        jdbc.sql(MAIN_CATEGORY.formatted(PURCHASE_STATUSES, "")).update();
    }

    /** Recomputes the aggregates of the given customers (internal ids) only. */
    public void refresh(Collection<Long> customerIds) {
        List<Long> ids = new ArrayList<>(customerIds);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            String marks = chunk.stream().map(x -> "?").collect(Collectors.joining(","));
            jdbc.sql("DELETE FROM customer_stats WHERE customer_id IN (" + marks + ")").params(chunk).update();
            jdbc.sql(AGGREGATE.formatted(PURCHASE_STATUSES, "AND customer_id IN (" + marks + ")")).params(chunk).update();
            jdbc.sql(MAIN_CATEGORY.formatted(PURCHASE_STATUSES, "AND customer_id IN (" + marks + ")")).params(chunk).update();
        }
    }
}
