package dev.rekindle.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class GenericImportTests extends ImportTestSupport {

    static final String MAP = " --map order_id=单号,customer_id=会员,time=下单日期,amount=实收";

    @Test
    void shouldImportWithAnExplicitColumnMap() throws Exception {
        Result r = run("orders import " + fixture("generic-map.csv") + MAP);

        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("(generic, UTF-8, comma-separated)"), r.out());
        assertTrue(r.out().contains("order_id=单号, customer_id=会员, time=下单日期, amount=实收, status=状态, category=类目"), r.out());
        assertEquals("2024-05-01 09:30:00", order("G-1").get("created_at"));
        assertEquals("2024-05-01 09:30:00", order("G-1").get("paid_at"), "a completed order without a paid time was paid when placed");
        assertEquals("服饰", order("G-1").get("category"));
        assertEquals(1280.5, order("G-2").get("amount"), "¥ and the thousands comma are understood");
        assertEquals("2024-05-02 00:00:00", order("G-2").get("created_at"));
        assertEquals("2024-05-03 14:00:00", order("G-3").get("created_at"), "+08:00 is the shop's zone");
        assertEquals("closed", order("G-3").get("status"));
        assertNull(order("G-3").get("paid_at"));
        assertEquals("2024-05-05 12:00:00", order("G-4").get("created_at"), "an Excel date number");
        assertEquals(3L, count("customers"));
        assertStatsMatchOrders();
    }

    @Test
    void shouldRecogniseEnglishHeaderNamesWithoutAMap() {
        Result r = run("orders import " + fixture("generic-auto.csv"));

        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("order_id=Order ID, customer_id=Customer ID, time=Order Date, amount=Total, status=Status"), r.out());
        assertEquals("paid", order("A-101").get("status"));
        assertEquals("refunded", order("A-102").get("status"));
        assertEquals("unpaid", order("A-103").get("status"));
        assertEquals(1, stats("c-1").get("order_count"));
        assertStatsMatchOrders();
    }

    @Test
    void aMissingColumnShouldBeNamedWithTheColumnsThereAre() {
        Result r = run("orders import " + fixture("generic-map.csv"));

        assertEquals(1, r.exit());
        assertTrue(r.err().contains("generic-map.csv: no column found for order_id"), r.err());
        assertTrue(r.err().contains("Its columns are: 单号, 会员, 下单日期, 实收, 状态, 类目"), r.err());
        assertTrue(r.err().contains("--map order_id=COLUMN,customer_id=COLUMN,time=COLUMN,amount=COLUMN"), r.err());
    }

    @Test
    void aMapNamingAnUnknownFieldOrColumnShouldSaySo() {
        Path file = fixture("generic-auto.csv");

        Result field = run("orders import " + file + " --map price=Total");
        assertEquals(2, field.exit());
        assertTrue(field.err().contains("--map: unknown field 'price'"), field.err());

        Result column = run("orders import " + file + " --map amount=Amount");
        assertEquals(1, column.exit());
        assertTrue(column.err().contains("has no column 'Amount'"), column.err());
    }

    @Test
    void reimportShouldChangeNothingAndAChangedRowShouldUpdate() throws Exception {
        Path file = fixture("generic-auto.csv");
        run("orders import " + file);
        String before = contents();

        Result again = run("orders import " + file);
        assertEquals(0, again.exit(), again.all());
        assertTrue(again.out().contains("0 added, 0 updated, 4 unchanged"), again.out());
        assertEquals(before, contents());

        Files.writeString(file, Files.readString(file).replace("A-103,c-3,2024-06-11 08:00:00,10.00,pending",
                "A-103,c-3,2024-06-11 08:00:00,10.00,completed"));
        Result changed = run("orders import " + file);

        assertTrue(changed.out().contains("0 added, 1 updated, 3 unchanged"), changed.out());
        assertEquals("completed", order("A-103").get("status"));
        assertEquals(1, stats("c-3").get("order_count"), "the now completed order counts");
        assertNotEquals(before, contents());
        assertStatsMatchOrders();
    }

    @Test
    void aPaidTimeColumnWithoutStatusesShouldKeepThePaidTimes() {
        Result r = run("orders import " + write("paid.csv", """
                order_id,customer_id,order_time,pay_time,amount
                P-1,c1,2024-05-01 10:00:00,2024-05-01 11:00:00,10
                P-2,c1,2024-05-02 10:00:00,,20
                """) + " --map order_id=order_id,customer_id=customer_id,time=order_time,paid_time=pay_time,amount=amount");

        assertEquals(0, r.exit(), r.all());
        assertEquals("2024-05-01 11:00:00", order("P-1").get("paid_at"));
        assertNull(order("P-2").get("paid_at"), "an empty paid time: never paid");
        assertStatsMatchOrders();
    }

    /** Orders go in by the fifty per statement: rows new, known and repeated inside one group are each told apart. */
    @Test
    void aReimportMixingNewKnownAndRepeatedOrdersShouldCountEveryRowOnce() throws Exception {
        StringBuilder first = new StringBuilder("order_id,customer_id,time,amount\n");
        for (int i = 1; i <= 60; i++) first.append(orderLine(i, 10));
        run("orders import " + write("first.csv", first.toString()));

        StringBuilder second = new StringBuilder("order_id,customer_id,time,amount\n");
        for (int i = 31; i <= 130; i++) {
            second.append(orderLine(i, i == 40 ? 99 : 10));
            if (i == 120) second.append(orderLine(100, 55));   // line 92: O-100 again, inside a group of new orders
        }
        Result r = run("orders import " + write("second.csv", second.toString()) + " --skip-bad");

        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("70 added, 1 updated, 29 unchanged"), r.out());
        assertTrue(r.out().contains("rejected     1 bad row"), r.out());
        List<String> rejects = Files.readAllLines(dir.resolve("second.rejects.csv"));
        assertTrue(rejects.get(1).startsWith("O-100,c-2,2024-05-17 10:00:00,55,line 92: order_id: 'O-100' appears again"), rejects.get(1));
        assertEquals(130L, count("orders"));
        assertEquals(10.0, order("O-100").get("amount"), "the first of two rows with one order number is kept");
        assertEquals(99.0, order("O-40").get("amount"));
        assertStatsMatchOrders();
    }

    private static String orderLine(int i, int amount) {
        return "O-" + i + ",c-" + (i % 7) + ",2024-05-" + String.format("%02d", 1 + i % 28) + " 10:00:00," + amount + "\n";
    }

    @Test
    void movingAnOrderToAnotherCustomerShouldRecountBoth() throws Exception {
        Path file = fixture("generic-auto.csv");
        run("orders import " + file);
        Files.writeString(file, Files.readString(file).replace("A-100,c-1,", "A-100,c-3,"));

        run("orders import " + file);

        assertTrue(stats("c-1").isEmpty(), "c-1 kept only a refunded order");
        assertEquals(1, stats("c-3").get("order_count"));
        assertStatsMatchOrders();
    }

    @Test
    void aMissingFileShouldExitOneAndNameIt() {
        Result r = run("orders import " + dir.resolve("nope.csv"));

        assertEquals(1, r.exit());
        assertTrue(r.err().contains("file not found: " + dir.resolve("nope.csv")), r.err());
    }

    @Test
    void wrongOptionValuesShouldBeUsageErrors() {
        Path file = fixture("generic-auto.csv");

        assertEquals(2, run("orders import " + file + " --format excel").exit());
        assertEquals(2, run("orders import " + file + " --encoding latin1").exit());
        assertEquals(2, run("orders import " + file + " --map amount").exit());
        assertEquals(2, run("orders import").exit());
    }

    @Test
    void helpShouldShowExamples() {
        Result r = run("help orders import");

        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("orders import ~/Downloads/ExportOrderList.csv"), r.out());
        assertTrue(r.out().contains("--skip-bad"), r.out());
    }
}
