package dev.rekindle.strategy;

import dev.rekindle.api.PastOrder;
import dev.rekindle.store.CustomerStats;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The latest purchases of a chunk of customers, with how long each lasts, for strategies that ask for them. */
@Repository
public class LatestOrders {

    private final JdbcTemplate jdbc;

    public LatestOrders(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The last {@code n} purchases before the end of {@code asOf} of each customer, newest first.
     *
     * @param lifespans the categories' lifespans ({@link #lifespans()}), for orders whose goods name none
     */
    Map<Long, List<PastOrder>> of(List<Long> ids, LocalDate asOf, int n, Map<String, Integer> lifespans) {
        Map<Long, List<PastOrder>> out = new LinkedHashMap<>();
        String marks = ids.stream().map(x -> "?").collect(Collectors.joining(","));
        List<Object> params = new ArrayList<>(ids);
        params.add(asOf.plusDays(1).toString());
        params.add(n);
        jdbc.query("""
                SELECT customer_id, order_no, created_at, amount, category, item_count,
                       (SELECT min(p.lifespan_days) FROM order_items oi JOIN products p
                          ON p.product_id = oi.item_id OR oi.item_id IS NULL AND p.title = oi.title
                        WHERE oi.order_id = latest.id AND p.lifespan_days > 0) AS lifespan FROM (
                  SELECT o.id, o.customer_id, o.order_no, o.created_at, o.amount, o.category, o.item_count,
                         ROW_NUMBER() OVER (PARTITION BY o.customer_id ORDER BY o.created_at DESC, o.id DESC) AS rn
                  FROM orders o
                  WHERE o.customer_id IN (%s) AND o.status IN %s AND o.created_at < ?) latest
                WHERE rn <= ? ORDER BY customer_id, rn""".formatted(marks, CustomerStats.PURCHASE_STATUSES), rs -> {
            String category = rs.getString(5);
            // the products bought on the order say how long it lasts; else the shortest lifespan of its category
            int days = rs.getInt(7);
            Integer lifespan = rs.wasNull() ? category == null ? null : lifespans.get(category) : Integer.valueOf(days);
            out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>(n)).add(new PastOrder(rs.getString(2),
                    TextDates.timestamp(rs.getString(3)), rs.getDouble(4), category, rs.getInt(6), lifespan));
        }, params.toArray());
        return out;
    }

    /** How long one purchase of a category lasts: the shortest lifespan among its products (remind early, not late). */
    public Map<String, Integer> lifespans() {
        Map<String, Integer> m = new HashMap<>();
        jdbc.query("SELECT category, min(lifespan_days) FROM products WHERE category IS NOT NULL AND lifespan_days > 0"
                + " GROUP BY category", rs -> {
            m.put(rs.getString(1), rs.getInt(2));
        });
        return Collections.unmodifiableMap(m);
    }
}
