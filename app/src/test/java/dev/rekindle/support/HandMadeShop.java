package dev.rekindle.support;

import dev.rekindle.store.CustomerStats;
import java.util.List;
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

    /**
     * Empties every table but the schema history and settings, newest tables first (they refer to older
     * ones): test classes may share a database, and other features add tables that refer to customers.
     */
    public HandMadeShop clear() {
        List<String> tables = jdbc.sql("""
                SELECT name FROM sqlite_master
                WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('schema_version', 'settings')
                ORDER BY rowid DESC""").query(String.class).list();
        for (String t : tables) {
            jdbc.sql("DELETE FROM " + t).update();
        }
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
