package dev.rekindle.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rekindle.store.CustomerStats;
import dev.rekindle.support.ShellTestSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code predict refresh|show|list} as an operator runs them, on demo data and on CDNOW through the database. */
// purchase days, as the published CDNOW fits count them (the app's default occasion is the order)
@org.springframework.test.context.TestPropertySource(properties = "rekindle.purchase-occasion=day")
class PredictCommandsTests extends ShellTestSupport {

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private CustomerStats stats;

    @Test
    void refreshShouldStoreAPredictionForEveryBuyerOfTheDemoShop() {
        run("demo reset --customers 300 --yes");

        Result r = run("predict refresh");

        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("Predictions as of"), r.out());
        assertTrue(r.out().contains("MBG/NBD  r="), r.out());
        assertTrue(r.out().contains("calibration     refitted without the last 26 weeks"), r.out());
        assertTrue(r.out().contains("Gamma-Gamma  p="), r.out());
        long buyers = jdbc.queryForObject("SELECT count(*) FROM customer_stats", Long.class);
        assertEquals(buyers, jdbc.queryForObject("SELECT count(*) FROM predictions", Long.class));
        Map<String, Object> ranges = jdbc.queryForMap("""
                SELECT min(p_alive) AS p_min, max(p_alive) AS p_max, min(expected_orders_90d) AS e_min,
                       min(clv_365d) AS v_min, max(clv_365d) AS v_max FROM predictions""");
        assertTrue(((Number) ranges.get("p_min")).doubleValue() >= 0 && ((Number) ranges.get("p_max")).doubleValue() <= 1, ranges.toString());
        assertTrue(((Number) ranges.get("e_min")).doubleValue() >= 0, ranges.toString());
        assertTrue(((Number) ranges.get("v_min")).doubleValue() >= 0 && ((Number) ranges.get("v_max")).doubleValue() > 0, ranges.toString());
    }

    @Test
    void showShouldExplainOneCustomerInPlainWords() {
        run("demo reset --customers 300 --yes");
        run("predict refresh");
        String repeatBuyer = jdbc.queryForObject("""
                SELECT c.buyer_id FROM predictions p JOIN customers c ON c.id = p.customer_id
                WHERE p.frequency >= 2 ORDER BY p.clv_365d DESC LIMIT 1""", String.class);
        String oneTimer = jdbc.queryForObject("""
                SELECT c.buyer_id FROM predictions p JOIN customers c ON c.id = p.customer_id
                WHERE p.frequency = 0 ORDER BY c.id LIMIT 1""", String.class);

        Result r = run("predict show " + repeatBuyer);
        Result once = run("predict show " + oneTimer);

        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("P(alive)"), r.out());
        assertTrue(r.out().contains("In plain words: bought on"), r.out());
        assertTrue(r.out().contains("Models (fit #"), r.out());
        assertEquals(0, once.exit(), once.all());
        assertTrue(once.out().contains("100%"), once.out());
        assertTrue(once.out().contains("bought once"), once.out());
    }

    @Test
    void theCustomerViewShouldShowTheOutlookOnceThereIsOne() {
        run("demo reset --customers 300 --yes");
        String buyer = jdbc.queryForObject("SELECT buyer_id FROM customers c JOIN customer_stats s ON s.customer_id = c.id "
                + "ORDER BY c.id LIMIT 1", String.class);

        Result before = run("customers show " + buyer);
        run("predict refresh");
        Result after = run("customers show " + buyer);

        assertEquals(0, after.exit(), after.all());
        assertTrue(!before.out().contains("\n  outlook "), before.out()); // (emails may say outlook.com)
        assertTrue(after.out().contains("\n  outlook         P(alive) "), after.out());
        assertTrue(after.out().contains("predict show " + buyer), after.out());
    }

    @Test
    void listShouldRankTheValuableCustomersSlippingAwayInEveryFormat() {
        run("demo reset --customers 300 --yes");
        run("predict refresh");

        Result table = run("predict list --max-p-alive 0.5 --limit 5");
        Result json = run("predict list --sort p-alive --limit 3 --format json");
        Result csv = run("predict list --sort orders --limit 2 --format csv");

        assertEquals(0, table.exit(), table.all());
        assertTrue(table.out().contains("p_alive"), table.out());
        assertTrue(table.out().contains("with P(alive) below 0.5, by clv"), table.out());
        assertEquals(0, json.exit(), json.all());
        assertTrue(json.out().trim().startsWith("[") && json.out().contains("\"clv_365d\""), json.out());
        assertEquals(3, csv.out().trim().split("\n").length, csv.out());
        assertTrue(csv.out().startsWith("buyer_id,name,repeat_days"), csv.out());
    }

    @Test
    void mistakesShouldBeExplained() {
        run("demo reset --customers 300 --yes");

        Result before = run("predict show 1");
        Result badDate = run("predict refresh --as-of yesterday-ish");
        Result badSort = run("predict list --sort value");
        Result badP = run("predict list --max-p-alive 2");
        Result unknown = run("predict show nobody-here");
        Result tooEarly = run("predict refresh --as-of 1990-01-01");

        assertEquals(1, before.exit(), before.all());
        assertTrue(before.err().contains("no predictions yet. Run: predict refresh"), before.all());
        assertEquals(2, badDate.exit(), badDate.all());
        assertEquals(2, badSort.exit(), badSort.all());
        assertTrue(badSort.err().contains("clv, p-alive, orders"), badSort.all());
        assertEquals(2, badP.exit(), badP.all());
        assertEquals(1, unknown.exit(), unknown.all());
        assertEquals(1, tooEarly.exit(), tooEarly.all());
        assertTrue(tooEarly.err().contains("nothing to predict"), tooEarly.all());
    }

    @Test
    void refreshShouldReproduceThePublishedCdnowFitFromTheOrdersTable() {
        loadCdnow();

        Result r = run("predict refresh --as-of 1997-09-30");

        assertEquals(0, r.exit(), r.all());
        // MBG/NBD, the default: r 0.525, alpha 6.183, a 0.891, b 1.614 in lifetimes' test of its ModifiedBetaGeoFitter
        // (BG/NBD's published r=0.243 alpha=4.414 a=0.793 b=2.426 is checked in CdnowValidationTests)
        assertTrue(r.out().contains("MBG/NBD  r=0.525 alpha=6.183 a=0.891 b=1.614"), r.out());
        assertTrue(r.out().contains("for 2,357 customers who had bought (946 of them"), r.out());
        Map<String, Object> first = jdbc.queryForMap("SELECT * FROM predictions WHERE customer_id = 1");
        assertEquals(2, ((Number) first.get("frequency")).intValue());
        assertEquals(30.43, ((Number) first.get("recency_weeks")).doubleValue(), 0.005);
        assertEquals(38.86, ((Number) first.get("t_weeks")).doubleValue(), 0.005);
        assertEquals(22.35, ((Number) first.get("monetary")).doubleValue(), 0.005);
    }

    @Test
    void theAsOfDateShouldCutOffLaterPurchasesAndOnlyPaidOrdersCount() {
        loadCdnow();
        // customer 1 bought on 1997-01-01, 01-18, 08-02 and 12-12; add orders that must not count
        order(1, "1997-08-02 18:00:00", 5.0, "completed");  // same day as a purchase: merged
        order(1, "1997-09-15 10:00:00", 99.0, "closed");    // never paid
        order(1, "1997-09-20 10:00:00", 99.0, "refunded");
        order(1, "1997-10-01 00:00:00", 99.0, "completed"); // the day after the as-of date
        stats.refreshAll();

        Result r = run("predict refresh --as-of 1997-09-30");
        Map<String, Object> first = jdbc.queryForMap("SELECT * FROM predictions WHERE customer_id = 1");
        Result later = run("predict refresh --as-of 1998-06-30");
        Map<String, Object> end = jdbc.queryForMap("SELECT * FROM predictions WHERE customer_id = 1");

        assertEquals(0, r.exit(), r.all());
        assertEquals(2, ((Number) first.get("frequency")).intValue());
        assertEquals(30.43, ((Number) first.get("recency_weeks")).doubleValue(), 0.005);
        assertEquals((29.73 + 14.96 + 5.0) / 2, ((Number) first.get("monetary")).doubleValue(), 1e-9);
        assertEquals("1997-09-30", first.get("as_of"));
        assertEquals(0, later.exit(), later.all());
        assertEquals(4, ((Number) end.get("frequency")).intValue());
        assertEquals("1998-06-30", end.get("as_of"));
    }

    private void order(long customer, String at, double amount, String status) {
        jdbc.update("INSERT INTO orders(order_no, customer_id, created_at, paid_at, amount, status) VALUES (?, ?, ?, ?, ?, ?)",
                "extra-" + at + "-" + status, customer, at, at, amount, status);
    }

    /** An empty database (demo reset wipes every table) holding the CDNOW sample as customers and orders. */
    private void loadCdnow() {
        run("demo reset --customers 1 --yes");
        for (String table : List.of("consents", "customer_stats", "orders", "customers")) {
            jdbc.update("DELETE FROM " + table);
        }
        List<Object[]> customers = new ArrayList<>();
        List<Object[]> orders = new ArrayList<>();
        int n = 0;
        for (CdnowSample.Order o : CdnowSample.orders()) {
            if (customers.isEmpty() || (int) customers.get(customers.size() - 1)[0] != o.customer()) {
                customers.add(new Object[]{o.customer(), String.valueOf(o.customer())});
            }
            String at = o.day() + " 00:00:00";
            orders.add(new Object[]{"cdnow-" + (++n), o.customer(), at, at, o.dollars()});
        }
        jdbc.batchUpdate("INSERT INTO customers(id, buyer_id) VALUES (?, ?)", customers);
        jdbc.batchUpdate("""
                INSERT INTO orders(order_no, customer_id, created_at, paid_at, amount, status)
                VALUES (?, ?, ?, ?, ?, 'completed')""", orders);
        stats.refreshAll();
    }
}
