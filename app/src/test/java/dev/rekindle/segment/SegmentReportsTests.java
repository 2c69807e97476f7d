package dev.rekindle.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rekindle.store.CustomerStats;
import dev.rekindle.support.HandMadeShop;
import dev.rekindle.support.ShellTestSupport;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * segments list, rfm matrix and stages flow on a shop worked out by hand (as of 2025-01-01, orders of ¥100;
 * baby products turn silent after 30 days):
 * <pre>
 * c1  2024-10-03                       recency 90   silent    entered silent 2025-01-01
 * c2  2024-07-04                       recency 181  sleeping  entered sleeping 2024-12-31
 * c3  2024-09-01, 2024-12-31           recency 1    active    back 2024-12-31 (after 121 days)
 * c4  2024-12-30 (first order ever)    recency 2    active    new 2024-12-30
 * c5  2024-10-01, 2024-12-31           recency 1    active    entered silent 2024-12-30, back 2024-12-31
 * c6  2024-10-05                       recency 88   active    turns silent 2025-01-03
 * c7  2024-12-02 母婴用品               recency 30   silent    entered silent 2025-01-01
 * c8  never bought                                  none
 * </pre>
 */
class SegmentReportsTests extends ShellTestSupport {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    CustomerStats stats;

    HandMadeShop shop;

    @BeforeEach
    void shop() {
        shop = new HandMadeShop(jdbc, stats).clear();
        for (int i = 1; i <= 8; i++) {
            shop.customer(i, "c" + i);
        }
        shop.order(1, "2024-10-03 10:00:00", 100).order(2, "2024-07-04 10:00:00", 100)
                .order(3, "2024-09-01 10:00:00", 100).order(3, "2024-12-31 10:00:00", 100)
                .order(4, "2024-12-30 10:00:00", 100)
                .order(5, "2024-10-01 10:00:00", 100).order(5, "2024-12-31 10:00:00", 100)
                .order(6, "2024-10-05 10:00:00", 100)
                .order(7, "2024-12-02 10:00:00", 100, "completed", "母婴用品")
                .refreshStats();
    }

    private void refresh() {
        Result r = run("segments refresh --as-of 2025-01-01 --category-stages 母婴用品=30,60,90,180");
        assertEquals(0, r.exit(), r.all());
    }

    @Test
    void flowShouldCountEntriesPerDayAndThePreSilentPool() {
        refresh();

        Result r = run("stages flow --days 3 --format csv");

        assertEquals(0, r.exit(), r.all());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.contains("1,2025-01-01,2024-12-30,entered,active_new,1"), r.out());
        assertTrue(lines.contains("1,2025-01-01,2024-12-30,entered,silent,1"), "c5 turned silent before coming back: " + r.out());
        assertTrue(lines.contains("1,2025-01-01,2024-12-31,entered,active_back,2"), r.out());
        assertTrue(lines.contains("1,2025-01-01,2024-12-31,entered,sleeping,1"), r.out());
        assertTrue(lines.contains("1,2025-01-01,2025-01-01,entered,silent,2"), "c1 at 90 days, c7 at 30 (baby products): " + r.out());
        assertTrue(lines.contains("1,2025-01-01,2025-01-03,turns_silent,silent,1"), r.out());
        long nonZero = lines.stream().skip(1).filter(l -> !l.endsWith(",0")).count();
        assertEquals(6, nonZero, "nothing else moved: " + r.out());
    }

    @Test
    void flowShouldShowTablesWithTotals() {
        refresh();

        Result r = run("stages flow --days 3");

        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("Snapshot #"), r.out());
        assertTrue(r.out().matches("(?s).*total\\s+1\\s+2\\s+3\\s+1\\s+0\\s+0.*"), r.out());
        assertTrue(r.out().contains("1 active customers turn silent in the next 3 days"), r.out());
    }

    @Test
    void flowShouldRejectABadNumberOfDays() {
        refresh();
        assertEquals(2, run("stages flow --days 0").exit());
        assertEquals(2, run("stages flow --days 1000").exit());
    }

    @Test
    void listShouldCountStagesAndSegmentsWithShares() {
        refresh();

        Result r = run("segments list --format csv");

        assertEquals(0, r.exit(), r.all());
        List<String> lines = r.out().lines().toList();
        assertEquals("snapshot,as_of,dimension,code,name,customers,share_pct,avg_monetary,avg_frequency", lines.get(0));
        assertTrue(lines.contains("1,2025-01-01,stage,active,active,4,50.0,150.0,1.5"), r.out());
        assertTrue(lines.contains("1,2025-01-01,stage,silent,silent,2,25.0,100.0,1.0"), r.out());
        assertTrue(lines.contains("1,2025-01-01,stage,none,never bought,1,12.5,0.0,0.0"), r.out());
        long segmented = lines.stream().filter(l -> l.contains(",segment,") && !l.contains(",segment,,"))
                .mapToLong(l -> Long.parseLong(l.split(",")[5])).sum();
        assertEquals(7, segmented, "every buyer is in one of the eight segments: " + r.out());
    }

    @Test
    void listShouldDrawBarsAndNameTheSnapshot() {
        refresh();

        Result r = run("segments list");

        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().startsWith("Snapshot #1 as of 2025-01-01"), r.out());
        assertTrue(r.out().contains("important value"), r.out());
        assertTrue(r.out().contains("████████████████████████"), "the biggest stage gets the full bar: " + r.out());
        assertTrue(r.out().contains("50.0%"), r.out());
    }

    @Test
    void matrixShouldPutEveryScoredCustomerInOneCell() {
        refresh();

        Result r = run("rfm matrix --format csv");

        assertEquals(0, r.exit(), r.all());
        List<String> rows = r.out().lines().skip(1).toList();
        assertEquals(25, rows.size());
        assertEquals(7, rows.stream().mapToLong(l -> Long.parseLong(l.split(",")[4])).sum());
        // c3 and c5 tie for the most recent (2 of 7 = 29 % > 20 %): the tie straddles the 80 % cut and stays below
        // it, so nobody scores R5; the same for F (two orders)
        assertTrue(rows.contains("1,2025-01-01,4,4,2,28.57,200.0,2.0"), r.out());
        assertTrue(rows.stream().filter(l -> l.split(",")[2].equals("5")).allMatch(l -> l.split(",")[4].equals("0")), r.out());
    }

    @Test
    void matrixShouldBeShadedText() {
        refresh();

        Result r = run("rfm matrix");

        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("R5 (most recent)"), r.out());
        assertTrue(r.out().contains("█"), r.out());
        assertTrue(r.out().contains("scores: R days"), r.out());
    }

    @Test
    void reportsShouldAskForARefreshWhenThereIsNoSnapshot() {
        for (String command : List.of("segments list", "rfm matrix", "stages flow", "segments show silent")) {
            Result r = run(command);
            assertEquals(1, r.exit(), command);
            assertTrue(r.err().contains("segments refresh"), command + ": " + r.err());
        }
    }

    @Test
    void listShouldShowAnOlderSnapshotOnRequest() {
        refresh();
        run("segments refresh --as-of 2025-06-01");

        Result old = run("segments list --snapshot 1 --format json");
        Result missing = run("segments list --snapshot 99");

        assertTrue(old.out().contains("\"as_of\" : \"2025-01-01\""), old.out());
        assertEquals(1, missing.exit());
        assertTrue(missing.err().contains("no snapshot #99"), missing.err());
        assertTrue(run("segments history").out().contains("2025-06-01"));
    }

    @Test
    void historyFitsA120ColumnTerminalAndShowsTheChosenSettingsNotJson() {
        refresh();
        run("segments refresh --as-of 2025-06-01 --window-months 12");

        Result history = run("segments history");
        Result json = run("segments history --format json");

        assertEquals(0, history.exit(), history.all());
        dev.rekindle.support.ScreenWidth.assertFits(history.out(), 120);
        assertTrue(history.out().contains("window 12 months; quintiles; stages 90,180,270,365"), history.out());
        assertTrue(!history.out().contains("{\""), "no raw JSON on screen: " + history.out());
        assertTrue(json.out().contains("window_months"), "scripts still get the stored settings: " + json.out());
    }
}
