package dev.rekindle.support;

import dev.rekindle.store.DataWipe;
import dev.rekindle.store.CustomerStats;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A tiny shop written row by row, for tests whose expected figures are worked out by hand.
 * <pre>
 * shop.clear();
 * shop.customer(1, "tb1").profile(1, "city", "上海");
 * shop.order(1, "2024-12-01 10:00:00", 99.0, "completed", "母婴用品");
 * shop.refreshStats();
 * </pre>
 */
public final class HandMadeShop {

    private static final Set<String> PROFILE = Set.of("name", "mobile", "email", "wechat_id", "birthday", "gender",
            "city", "member_level", "points", "erased_at");

    private final JdbcClient jdbc;
    private final CustomerStats stats;
    private int orderSeq;

    public HandMadeShop(JdbcClient jdbc, CustomerStats stats) {
        this.jdbc = jdbc;
        this.stats = stats;
    }

    public HandMadeShop clear() {
        // every data table, including those of features this shop knows nothing about (campaigns, ledger…)
        DataWipe.allData(jdbc);
        return this;
    }

    public HandMadeShop customer(long id, String buyerId) {
        jdbc.sql("INSERT INTO customers(id, buyer_id, created_at) VALUES (?, ?, '2020-01-01 00:00:00')").params(id, buyerId).update();
        return this;
    }

    public HandMadeShop profile(long id, String column, Object value) {
        if (!PROFILE.contains(column)) {
            throw new IllegalArgumentException(column);
        }
        jdbc.sql("UPDATE customers SET " + column + " = ? WHERE id = ?").params(value, id).update();
        return this;
    }

    public HandMadeShop consent(long id, String channel, boolean granted) {
        jdbc.sql("INSERT INTO consents(customer_id, channel, granted, source, recorded_at) VALUES (?, ?, ?, 'test', '2024-01-01 00:00:00')")
                .params(id, channel, granted ? 1 : 0).update();
        return this;
    }

    /** A completed order without a category. */
    public HandMadeShop order(long customerId, String createdAt, double amount) {
        return order(customerId, createdAt, amount, "completed", null);
    }

    public HandMadeShop order(long customerId, String createdAt, double amount, String status, String category) {
        orderSeq++;
        jdbc.sql("""
                INSERT INTO orders(order_no, customer_id, created_at, paid_at, amount, status, item_count, category)
                VALUES (?, ?, ?, ?, ?, ?, 1, ?)""")
                .params("T" + orderSeq + "-" + System.nanoTime(), customerId, createdAt, createdAt, amount, status, category).update();
        return this;
    }

    public HandMadeShop refreshStats() {
        stats.refreshAll();
        return this;
    }
}
