package dev.rekindle.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rekindle.store.CustomerStats;
import dev.rekindle.support.ShellTestSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The real CDNOW transactions (23,570 customers, 69,659 purchases, 1997-01 … 1998-06, with same-day
 * purchases): every customer's recency, frequency and monetary in a snapshot equal a plain SQL computation
 * over the raw rows, on both paths (customer_stats and the order scan) and with a window.
 */
class CdnowSnapshotTests extends ShellTestSupport {

    static final Path DATA = Path.of(System.getProperty("rekindle.cdnow",
            Path.of("").toAbsolutePath().resolve("../../shared/data/cdnow/CDNOW_master.txt").normalize().toString()));

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JdbcClient client;
    @Autowired
    CustomerStats stats;
    @Autowired
    PlatformTransactionManager transactions;

    static boolean loaded;

    @BeforeEach
    void load() throws IOException {
        assumeTrue(Files.exists(DATA), "CDNOW data not found at " + DATA);
        if (loaded) {
            return;
        }
        List<String> lines = Files.readAllLines(DATA);
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            dev.rekindle.store.DataWipe.allData(org.springframework.jdbc.core.simple.JdbcClient.create(jdbc));
            jdbc.execute("DROP TABLE IF EXISTS cdnow_raw");
            jdbc.execute("CREATE TABLE cdnow_raw (customer_id INTEGER, day TEXT, amount REAL)");
            List<Object[]> customers = new ArrayList<>();
            List<Object[]> orders = new ArrayList<>();
            List<Object[]> raw = new ArrayList<>();
            long previous = -1;
            for (int i = 0; i < lines.size(); i++) {
                String[] f = lines.get(i).trim().split("\\s+");
                if (!f[0].matches("\\d+")) {
                    continue;   // header
                }
                long id = Long.parseLong(f[0]);
                String day = f[1].substring(0, 4) + "-" + f[1].substring(4, 6) + "-" + f[1].substring(6, 8);
                double amount = Double.parseDouble(f[3]);
                if (id != previous) {
                    customers.add(new Object[]{id, "cdnow-" + f[0]});
                    previous = id;
                }
                orders.add(new Object[]{"cdnow-" + i, id, day + " 00:00:00", amount, Integer.parseInt(f[2])});
                raw.add(new Object[]{id, day, amount});
            }
            jdbc.batchUpdate("INSERT INTO customers(id, buyer_id) VALUES (?, ?)", customers);
            jdbc.batchUpdate("INSERT INTO orders(order_no, customer_id, created_at, amount, status, item_count) "
                    + "VALUES (?, ?, ?, ?, 'completed', ?)", orders);
            jdbc.batchUpdate("INSERT INTO cdnow_raw(customer_id, day, amount) VALUES (?, ?, ?)", raw);
            stats.refreshAll();
        });
        loaded = true;
    }

    @Test
    void shouldMatchPlainSqlAfterTheLastPurchase() {
        Result r = run("segments refresh --as-of 1998-07-01");

        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("23,570 customers, 23,570 scored"), r.out());
        assertTrue(r.out().contains("no order scanned"), r.out());
        assertSameAsPlainSql("1998-07-01", "0000-00-00");
    }

    @Test
    void shouldMatchPlainSqlAtAnEarlierDate() {
        Result r = run("segments refresh --as-of 1997-12-31");

        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("a scan of the orders"), r.out());
        assertSameAsPlainSql("1997-12-31", "0000-00-00");
    }

    @Test
    void shouldMatchPlainSqlInsideAWindow() {
        Result r = run("segments refresh --as-of 1998-06-30 --window-months 6");

        assertEquals(0, r.exit(), r.all());
        assertSameAsPlainSql("1998-06-30", "1998-01-01");
    }

    @Test
    void shouldScoreEqualValuesEquallyOnRealData() {
        run("segments refresh --as-of 1998-07-01");
        long snapshot = client.sql("SELECT max(id) FROM snapshots").query(Long.class).single();

        for (String[] axis : new String[][]{{"recency_days", "r"}, {"frequency", "f"}, {"monetary", "m"}}) {
            long split = client.sql("SELECT count(*) FROM (SELECT " + axis[0] + " FROM customer_snapshot WHERE snapshot_id = ? "
                    + "GROUP BY " + axis[0] + " HAVING count(DISTINCT " + axis[1] + ") > 1)").param(snapshot).query(Long.class).single();
            assertEquals(0, split, "customers with the same " + axis[0] + " got different " + axis[1] + " scores");
        }
        // and the direction: the most recent customers have the highest R
        Map<String, Object> extremes = client.sql("""
                SELECT (SELECT r FROM customer_snapshot WHERE snapshot_id = ?1 ORDER BY recency_days LIMIT 1) AS newest,
                       (SELECT r FROM customer_snapshot WHERE snapshot_id = ?1 ORDER BY recency_days DESC LIMIT 1) AS oldest""")
                .param(1, snapshot).query().singleRow();
        assertEquals(5, ((Number) extremes.get("newest")).intValue());
        assertEquals(1, ((Number) extremes.get("oldest")).intValue());
    }

    /** Per customer: recency (days from the last purchase up to the as-of date), purchases and spend in the window. */
    private void assertSameAsPlainSql(String asOf, String windowStart) {
        long snapshot = client.sql("SELECT max(id) FROM snapshots").query(Long.class).single();
        Map<Long, List<Object>> expected = new TreeMap<>();
        jdbc.query("""
                SELECT customer_id,
                       CAST(julianday(?) - julianday(max(day)) AS INTEGER),
                       sum(CASE WHEN day >= ? THEN 1 ELSE 0 END),
                       round(sum(CASE WHEN day >= ? THEN amount ELSE 0 END), 2)
                FROM cdnow_raw WHERE day <= ? GROUP BY customer_id""",
                rs -> {
                    expected.put(rs.getLong(1), List.of(rs.getInt(2), rs.getInt(3), rs.getDouble(4)));
                }, asOf, windowStart, windowStart, asOf);
        Map<Long, List<Object>> actual = new TreeMap<>();
        jdbc.query("SELECT customer_id, recency_days, frequency, monetary FROM customer_snapshot "
                + "WHERE snapshot_id = ? AND recency_days IS NOT NULL", rs -> {
                    actual.put(rs.getLong(1), List.of(rs.getInt(2), rs.getInt(3), rs.getDouble(4)));
                }, snapshot);
        assertTrue(expected.size() > 1000, "the comparison is not empty: " + expected.size());
        assertEquals(expected, actual);
        long none = client.sql("SELECT count(*) FROM customer_snapshot WHERE snapshot_id = ? AND stage = 'none'")
                .param(snapshot).query(Long.class).single();
        assertEquals(23_570 - expected.size(), none, "everyone else has not bought yet");
    }
}
