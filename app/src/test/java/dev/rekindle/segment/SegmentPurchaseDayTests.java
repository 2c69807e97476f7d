package dev.rekindle.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rekindle.store.CustomerStats;
import dev.rekindle.support.HandMadeShop;
import dev.rekindle.support.ShellTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * rekindle.purchase-occasion=day: RFM frequency counts purchase days, so tb1's two orders of 2024-12-31 are one
 * purchase (frequency 1), tb2's orders on two days are two; the snapshot is built from the orders (customer_stats
 * counts orders) even when it is up to date.
 */
@TestPropertySource(properties = "rekindle.purchase-occasion=day")
class SegmentPurchaseDayTests extends ShellTestSupport {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    CustomerStats stats;

    @Test
    void frequencyShouldCountPurchaseDays() {
        HandMadeShop shop = new HandMadeShop(jdbc, stats).clear();
        shop.customer(1, "tb1").customer(2, "tb2");
        shop.order(1, "2024-12-31 10:00:00", 100).order(1, "2024-12-31 18:00:00", 50)
                .order(2, "2024-12-01 10:00:00", 80).order(2, "2024-12-02 10:00:00", 80)
                .refreshStats();

        Result r = run("segments refresh --as-of 2025-01-01");

        assertEquals(0, r.exit(), r.all());
        assertEquals(1, frequency("tb1"));
        assertEquals(2, frequency("tb2"));
    }

    private int frequency(String buyer) {
        return jdbc.sql("""
                SELECT s.frequency FROM customer_snapshot s JOIN customers c ON c.id = s.customer_id
                WHERE c.buyer_id = ? AND s.snapshot_id = (SELECT max(id) FROM snapshots)""").param(buyer).query(Integer.class).single();
    }
}
