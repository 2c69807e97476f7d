package dev.rekindle.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TaobaoImportTests extends ImportTestSupport {

    @Test
    void shouldReadAGbkTaobaoReportWithItsQuirks() {
        Path file = fixture("taobao-orders-gbk.csv");

        Result r = run("orders import " + file);

        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("(taobao, GBK/GB18030, comma-separated)"), r.out());
        assertTrue(r.out().contains("6 added, 0 updated, 0 unchanged"), r.out());
        assertTrue(r.out().contains("order_id=订单编号, customer_id=买家会员名, time=订单创建时间, paid_time=订单付款时间, "
                + "amount=买家实际支付金额, status=订单状态"), r.out());
        // ="2001001" is unwrapped; statuses map to the store's set
        assertEquals("completed", order("2001001").get("status"));
        assertEquals("closed", order("2001002").get("status"));
        assertEquals("unpaid", order("2001003").get("status"));
        assertEquals("paid", order("2001004").get("status"));
        assertEquals("paid", order("2001005").get("status"));
        assertEquals("refunded", order("2001006").get("status"));
        // 0000-00-00 means never paid
        assertNull(order("2001002").get("paid_at"));
        assertNull(order("2001003").get("paid_at"));
        assertEquals("2024-03-01 10:05:00", order("2001001").get("paid_at"));
        assertEquals(128.0, order("2001001").get("amount"));
        assertEquals(3, order("2001004").get("item_count"));
    }

    @Test
    void shouldCreateCustomersFromOrderRowsAndFlagPhones() {
        run("orders import " + fixture("taobao-orders-gbk.csv"));

        assertEquals(5L, count("customers"));
        // the newer order shows a masked number: it never replaces the full one
        assertEquals("13812341234", customer("tb_alice").get("mobile"));
        assertNull(customer("tb_alice").get("mobile_note"));
        assertEquals("王小明", customer("tb_alice").get("name"));
        assertEquals("杭州", customer("tb_alice").get("city"));
        assertEquals("13900001111-1234", customer("tb_bob").get("mobile"));
        assertEquals("virtual", customer("tb_bob").get("mobile_note"));
        assertEquals("上海", customer("tb_bob").get("city"));
        assertEquals("159****8888", customer("tb_erin").get("mobile"));
        assertEquals("masked", customer("tb_erin").get("mobile_note"));
        assertEquals("2024-03-01 10:00:00", customer("tb_alice").get("created_at"));
    }

    @Test
    void onlyPaidAndCompletedOrdersShouldCountAsPurchases() {
        run("orders import " + fixture("taobao-orders-gbk.csv"));

        assertEquals(1, stats("tb_alice").get("order_count"), "the closed order does not count");
        assertEquals(128.0, stats("tb_alice").get("revenue"));
        assertTrue(stats("tb_bob").isEmpty(), "unpaid only: no purchases");
        assertTrue(stats("tb_erin").isEmpty(), "refunded only: no purchases");
        assertEquals(1, stats("tb_carol").get("order_count"));
        assertStatsMatchOrders();
    }

    @Test
    void shouldAggregateTmallSubOrdersIntoOrders() {
        Result r = run("orders import " + fixture("tmall-suborders.csv"));

        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("(tmall, UTF-8 with BOM, comma-separated)"), r.out());
        assertTrue(r.out().contains("rows read    5"), r.out());
        assertTrue(r.out().contains("orders       3 added"), r.out());
        // M1: three sub-orders on lines 2, 4, 5; the refunded belt does not count
        assertEquals(219.0, order("M1").get("amount"));
        assertEquals(4, order("M1").get("item_count"));
        assertEquals("completed", order("M1").get("status"));
        assertEquals("2024-04-01 10:02:00", order("M1").get("paid_at"));
        // M3: every sub-order refunded
        assertEquals("refunded", order("M3").get("status"));
        assertEquals("成都", customer("tm_lily").get("city"));
        assertEquals(219.0, stats("tm_lily").get("revenue"));
        assertTrue(stats("tm_nina").isEmpty());
        assertStatsMatchOrders();
    }

    @Test
    void reimportingTheSameReportShouldChangeNothing() {
        Path file = fixture("taobao-orders-gbk.csv");
        run("orders import " + file);
        run("orders import " + fixture("tmall-suborders.csv"));
        String before = contents();

        Result again = run("orders import " + file);
        Result tmall = run("orders import " + dir.resolve("tmall-suborders.csv"));

        assertTrue(again.out().contains("0 added, 0 updated, 6 unchanged"), again.out());
        assertTrue(again.out().contains("customers    0 added, 0 updated"), again.out());
        assertTrue(tmall.out().contains("0 added, 0 updated, 3 unchanged"), tmall.out());
        assertEquals(before, contents());
    }
}
