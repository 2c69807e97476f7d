package dev.rekindle.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LineItemImportTests extends ImportTestSupport {

    static final String RETAIL = " --date-format \"M/d/yyyy H:mm\"";

    @Test
    void shouldSumLinesIntoOrdersAndKeepReturnsApart() {
        Result r = run("orders import " + fixture("lines-retail.csv") + RETAIL);

        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("(lines, UTF-8, comma-separated)"), r.out());
        assertTrue(r.out().contains("rows read    10"), r.out());
        assertTrue(r.out().contains("orders       4 added"), r.out());
        assertTrue(r.out().contains("returns      3 (¥36.35"), r.out());
        assertTrue(r.out().contains("skipped      1 (no customer id: 1)"), r.out());
        // 536365: lines 2, 3 and 6 (not adjacent): 6 × 2.55 + 6 × 3.39 + 8 × 2.75
        Map<String, Object> o = order("536365");
        assertEquals(57.64, o.get("amount"));
        assertEquals(20, o.get("item_count"));
        assertEquals("2010-12-01 08:26:00", o.get("created_at"));
        assertEquals("17850", o.get("buyer_id"));
        // 536367 sold 32 and took back 2: the order counts only what was sold
        assertEquals(54.08, order("536367").get("amount"));
        assertEquals(4L, count("orders"));
    }

    @Test
    void returnsShouldBelongToTheirCustomerAndNotCountAsPurchases() {
        run("orders import " + fixture("lines-retail.csv") + RETAIL);

        Map<String, Object> cancelled = jdbc.sql("""
                SELECT r.*, c.buyer_id FROM returns r JOIN customers c ON c.id = r.customer_id WHERE return_no = 'C536379'""")
                .query().singleRow();
        assertEquals("14527", cancelled.get("buyer_id"));
        assertEquals(27.5, cancelled.get("amount"));
        assertEquals(1, cancelled.get("item_count"));
        assertNull(cancelled.get("order_no"));
        Map<String, Object> partial = jdbc.sql("SELECT * FROM returns WHERE return_no = '536367'").query().singleRow();
        assertEquals(4.2, partial.get("amount"));
        assertEquals("536367", partial.get("order_no"));
        assertTrue(stats("14527").isEmpty(), "a customer who only returned has no purchases");
        assertEquals(2, stats("17850").get("order_count"));
        assertEquals(68.74, stats("17850").get("revenue"));
        assertStatsMatchOrders();
    }

    @Test
    void shouldTakeExplicitColumnNamesForLines() {
        Path file = write("items.csv", """
                单号;会员;时间;件数;单价;商品
                X1;v1;2024-02-01 10:00;2;9.90;杯子
                X1;v1;2024-02-01 10:00;1;20.00;茶叶
                X2;v2;2024-02-02 11:00;-1;9.90;杯子
                """);

        Result r = run("orders import " + file + " --format lines --map order_id=单号,customer_id=会员,time=时间,quantity=件数,unit_price=单价");

        assertEquals(0, r.exit(), r.all());
        assertEquals(39.8, order("X1").get("amount"));
        assertEquals(3, order("X1").get("item_count"));
        assertEquals(1L, count("returns"));
    }

    @Test
    void reimportingLinesShouldChangeNothingAndAChangedLineShouldUpdateItsOrder() {
        Path file = fixture("lines-retail.csv");
        run("orders import " + file + RETAIL);
        String before = contents();

        Result again = run("orders import " + file + RETAIL);
        assertTrue(again.out().contains("0 added, 0 updated, 4 unchanged"), again.out());
        assertTrue(again.out().contains("0 added, 0 updated, 3 unchanged) — kept apart"), again.out());
        assertEquals(before, contents());

        write("lines-retail.csv", readFixture("lines-retail.csv").replace("536366,22633,HAND WARMER UNION JACK,6,",
                "536366,22633,HAND WARMER UNION JACK,10,"));
        Result changed = run("orders import " + file + RETAIL);

        assertTrue(changed.out().contains("0 added, 1 updated, 3 unchanged"), changed.out());
        assertEquals(18.5, order("536366").get("amount"));
        assertNotEquals(before, contents());
        assertEquals(76.14, stats("17850").get("revenue"));
        assertStatsMatchOrders();
    }

    @Test
    void ambiguousDayMonthDatesShouldAskForADateFormat() {
        String before = contents();

        Result r = run("orders import " + fixture("lines-retail.csv"));

        assertEquals(1, r.exit(), r.all());
        assertTrue(r.err().contains("lines-retail.csv: 9 bad rows; nothing was imported"), r.err());
        assertTrue(r.err().contains("line 2, column InvoiceDate: '12/1/2010 8:26' is ambiguous: day/month or month/day?"), r.err());
        assertTrue(r.err().contains("--date-format \"M/d/yyyy H:mm\""), r.err());
        assertEquals(before, contents());
    }

    @Test
    void anOrderWhoseLinesNameTwoCustomersShouldBeRejected() {
        Path file = write("mixed.csv", """
                InvoiceNo,Quantity,InvoiceDate,UnitPrice,CustomerID
                9001,1,2024-01-01 10:00,5.00,a1
                9002,1,2024-01-01 10:00,5.00,a2
                9001,1,2024-01-01 10:00,5.00,a3
                """);

        Result strict = run("orders import " + file);
        assertEquals(1, strict.exit());
        assertTrue(strict.err().contains("line 2, column CustomerID: 'a1' differs within order 9001: 'a1' on line 2, 'a3' on line 4"), strict.err());
        assertEquals(0L, count("orders"));

        Result skipping = run("orders import " + file + " --skip-bad");
        assertEquals(0, skipping.exit(), skipping.all());
        assertTrue(skipping.out().contains("rejected     2 bad rows written to " + dir.resolve("mixed.rejects.csv")), skipping.out());
        assertEquals(1L, count("orders"));
    }

    private String readFixture(String name) {
        try {
            return new String(getClass().getResourceAsStream("/imports/" + name).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
