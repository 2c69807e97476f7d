package dev.rekindle.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rekindle.store.CustomerStats;
import dev.rekindle.support.HandMadeShop;
import dev.rekindle.support.ShellTestSupport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A nine-customer shop whose snapshot was worked out by hand (as of 2025-01-01, six buyers):
 * <pre>
 * tb1  two orders on 2024-12-31 (100 + 50)      recency 1    F 2  M 150   R5 F5 M4  important_value  active
 * tb3  2024-10-01 80                            recency 92   F 1  M 80    R2 F1 M1  general_retain   silent
 * tb4  2024-10-01 80 (a twin of tb3)            recency 92   F 1  M 80    R2 F1 M1  general_retain   silent
 * tb2  never bought (nor tb5)                                                                        none
 * tb6  2024-06-01 200, and 2025-03-01 999 (after the as-of date: ignored)
 *                                               recency 214  F 1  M 200   R1 F1 M5  important_retain sleeping
 * tb7  2024-11-17 99 母婴用品                    recency 45   F 1  M 99    R4 F1 M3  important_develop active
 * tb8  only a closed order                                                                          none
 * tb9  2023-06-01 10                            recency 580  F 1  M 10    R1 F1 M1  general_retain   gone
 * </pre>
 * R cuts (days) 214/92/92/45, F cuts 1/1/1/1, M cuts 80/80/99/150; average scores 2.5, 1.67, 2.5.
 */
class SegmentRefreshTests extends ShellTestSupport {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    CustomerStats stats;

    @BeforeEach
    void shop() {
        HandMadeShop shop = new HandMadeShop(jdbc, stats).clear();
        for (int i = 1; i <= 9; i++) {
            shop.customer(i, "tb" + i);
        }
        shop.order(1, "2024-12-31 10:00:00", 100).order(1, "2024-12-31 18:00:00", 50)
                .order(3, "2024-10-01 12:00:00", 80).order(4, "2024-10-01 15:00:00", 80)
                .order(6, "2024-06-01 09:00:00", 200).order(6, "2025-03-01 09:00:00", 999)
                .order(7, "2024-11-17 20:00:00", 99, "completed", "母婴用品")
                .order(8, "2024-12-01 10:00:00", 500, "closed", null)
                .order(9, "2023-06-01 10:00:00", 10)
                .refreshStats();
    }

    @Test
    void shouldComputeTheHandWorkedSnapshot() {
        Result r = run("segments refresh --as-of 2025-01-01");

        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("a scan of the orders"), "an order after the as-of date rules out customer_stats: " + r.out());
        assertEquals(List.of(1, 5, 5, 4, "important_value", "active"), row("tb1", "recency_days", "r", "f", "m", "segment", "stage"));
        assertEquals(List.of(2, 150.0), row("tb1", "frequency", "monetary"), "two orders on the same day are two orders");
        assertEquals(List.of(92, 2, 1, 1, "general_retain", "silent"), row("tb3", "recency_days", "r", "f", "m", "segment", "stage"));
        assertEquals(List.of(214, 1, 200.0, 1, 1, 5, "important_retain", "sleeping"),
                row("tb6", "recency_days", "frequency", "monetary", "r", "f", "m", "segment", "stage"));
        assertEquals(List.of(45, 4, 1, 3, "important_develop", "active", "母婴用品"),
                row("tb7", "recency_days", "r", "f", "m", "segment", "stage", "main_category"));
        assertEquals(List.of(580, 1, 1, 1, "general_retain", "gone"), row("tb9", "recency_days", "r", "f", "m", "segment", "stage"));
    }

    @Test
    void shouldScoreIdenticalCustomersIdentically() {
        run("segments refresh --as-of 2025-01-01");

        assertEquals(row("tb3", "recency_days", "frequency", "monetary", "r", "f", "m", "segment", "stage"),
                row("tb4", "recency_days", "frequency", "monetary", "r", "f", "m", "segment", "stage"));
    }

    @Test
    void shouldKeepCustomersWithoutPurchasesAsStageNone() {
        run("segments refresh --as-of 2025-01-01");

        for (String buyer : List.of("tb2", "tb5", "tb8")) {
            Map<String, Object> s = snapshotRow(buyer);
            assertEquals("none", s.get("stage"), buyer);
            assertNull(s.get("r"), buyer);
            assertNull(s.get("segment"), buyer);
            assertNull(s.get("recency_days"), buyer);
            assertEquals(0, ((Number) s.get("frequency")).intValue(), buyer + ": a closed order is not a purchase");
        }
        assertEquals(9L, jdbc.sql("SELECT customers FROM snapshots ORDER BY id DESC LIMIT 1").query(Long.class).single());
    }

    @Test
    void shouldIgnoreOrdersAfterTheAsOfDateAndCountThemLater() {
        run("segments refresh --as-of 2025-01-01");
        assertEquals(List.of(1, 200.0, "2024-06-01 09:00:00"), row("tb6", "frequency", "monetary", "last_order_at"));

        Result later = run("segments refresh --as-of 2025-03-01");

        assertTrue(later.out().contains("no order scanned"), later.out());
        assertEquals(List.of(2, 1199.0, 0, "active", "2025-03-01 09:00:00"),
                row("tb6", "frequency", "monetary", "recency_days", "stage", "last_order_at"));
    }

    @Test
    void shouldApplyCategoryThresholdsToTheCustomersMainCategory() {
        Result r = run("segments refresh --as-of 2025-01-01 --category-stages 母婴用品=30,60,90,180");

        assertEquals(0, r.exit(), r.all());
        assertEquals("silent", row("tb7", "stage").get(0), "45 days is silent for baby products");
        assertEquals("active", row("tb1", "stage").get(0));
        assertEquals("silent", row("tb3", "stage").get(0), "no category: the global thresholds");
        assertTrue(jdbc.sql("SELECT settings FROM snapshots ORDER BY id DESC LIMIT 1").query(String.class).single()
                .contains("\"category_stages\":{\"母婴用品\":[30,60,90,180]}"));
    }

    @Test
    void shouldUseGlobalThresholdsGivenOnTheCommandLine() {
        run("segments refresh --as-of 2025-01-01 --stages 30,60,90,180");

        assertEquals("active", row("tb1", "stage").get(0));
        assertEquals("lost", row("tb3", "stage").get(0), "92 days: lost from day 90");
        assertEquals("gone", row("tb6", "stage").get(0));
    }

    @Test
    void shouldGiveTheSameSnapshotFromCustomerStatsAndFromTheOrders() {
        run("segments refresh --as-of 2025-03-01");
        List<Map<String, Object>> fast = rows(latest());
        Result slow = run("segments refresh --as-of 2025-03-01 --window-months 1200");

        assertTrue(slow.out().contains("a scan of the orders"), slow.out());
        assertEquals(fast, rows(latest()));
    }

    @Test
    void shouldCountFrequencyAndMonetaryOnlyInsideTheWindow() {
        Result r = run("segments refresh --as-of 2025-01-01 --window-months 3");

        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("2 scored"), r.out());
        Map<String, Object> tb3 = snapshotRow("tb3");
        assertEquals(0, ((Number) tb3.get("frequency")).intValue(), "2024-10-01 is before the window (from 2024-10-02)");
        assertNull(tb3.get("segment"));
        assertEquals("silent", tb3.get("stage"), "the stage still looks at the whole history");
        assertEquals(92, ((Number) tb3.get("recency_days")).intValue());
        assertEquals("important_value", row("tb1", "segment").get(0));
    }

    @Test
    void shouldKeepOnlyTheNewestSnapshots() {
        for (int i = 0; i < 3; i++) {
            run("segments refresh --as-of 2025-01-01");
        }
        long first = jdbc.sql("SELECT min(id) FROM snapshots").query(Long.class).single();

        Result fourth = run("segments refresh --as-of 2025-01-01");

        assertTrue(fourth.out().contains("deleted old snapshot(s) #" + first), fourth.out());
        assertEquals(3L, jdbc.sql("SELECT count(*) FROM snapshots").query(Long.class).single());
        assertEquals(0L, jdbc.sql("SELECT count(*) FROM customer_snapshot WHERE snapshot_id = ?").param(first).query(Long.class).single());
        assertEquals(0L, jdbc.sql("SELECT count(*) FROM snapshot_cells WHERE snapshot_id = ?").param(first).query(Long.class).single());
    }

    @Test
    void shouldPrintTheSnapshotForScripts() {
        Result r = run("segments refresh --as-of 2025-01-01 --format csv");

        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().startsWith("snapshot,as_of,customers,scored,source,active,silent,sleeping,lost,gone,none,seconds\n"), r.out());
        assertTrue(r.out().contains(",2025-01-01,9,6,orders,2,2,1,0,1,3,"), "[" + r.out() + "]");
    }

    @Test
    void shouldRejectBadSettingsAsUsageErrors() {
        assertEquals(2, run("segments refresh --stages 90,80,270,365").exit());
        assertEquals(2, run("segments refresh --method median").exit());
        assertEquals(2, run("segments refresh --as-of 2025-13-01").exit());
        assertEquals(2, run("segments refresh --category-stages 母婴用品").exit());
        Result r = run("segments refresh --window-months -1");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("window"), r.err());
    }

    private long latest() {
        return jdbc.sql("SELECT max(id) FROM snapshots").query(Long.class).single();
    }

    private List<Map<String, Object>> rows(long snapshot) {
        return jdbc.sql("""
                SELECT customer_id, recency_days, frequency, monetary, r, f, m, stage, segment, main_category,
                       first_order_at, last_order_at
                FROM customer_snapshot WHERE snapshot_id = ? ORDER BY customer_id""").param(snapshot).query().listOfRows();
    }

    private Map<String, Object> snapshotRow(String buyer) {
        return jdbc.sql("""
                SELECT cs.* FROM customer_snapshot cs JOIN customers c ON c.id = cs.customer_id
                WHERE c.buyer_id = ? AND cs.snapshot_id = (SELECT max(id) FROM snapshots)""").param(buyer).query().singleRow();
    }

    private List<Object> row(String buyer, String... columns) {
        Map<String, Object> s = snapshotRow(buyer);
        return java.util.Arrays.stream(columns).map(c -> {
            Object v = s.get(c);
            return v instanceof Long l ? (Object) l.intValue() : v;
        }).toList();
    }
}
