package dev.rekindle.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rekindle.support.ShellTestSupport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class DemoDataTests extends ShellTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theSameSeedShouldGiveTheSameShop() {
        run("demo reset --customers 400 --seed 7 --yes");
        String first = fingerprint();
        run("demo reset --customers 400 --seed 8 --yes");
        String other = fingerprint();
        run("demo reset --customers 400 --seed 7 --yes");

        assertEquals(first, fingerprint());
        assertNotEquals(first, other);
    }

    @Test
    void shouldPopulateEveryLifecycleStageAndKeepAggregatesExact() {
        Result r = run("demo reset --customers 3000 --yes");
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().startsWith("Demo data: 3,000 customers,"), r.out());

        String anchor = jdbc.sql("SELECT value FROM settings WHERE key = 'demo.anchor'").query(String.class).single();
        List<Map<String, Object>> stages = jdbc.sql("""
                SELECT CASE WHEN d <= 90 THEN 'active' WHEN d <= 180 THEN 'silent' WHEN d <= 270 THEN 'sleeping'
                            WHEN d <= 365 THEN 'lost' ELSE 'gone' END AS stage, count(*) AS n
                FROM (SELECT julianday(?) - julianday(last_order_at) AS d FROM customer_stats) GROUP BY 1""")
                .param(anchor).query().listOfRows();
        assertEquals(5, stages.size(), stages.toString());
        stages.forEach(s -> assertTrue(((Number) s.get("n")).intValue() >= 60, stages.toString()));

        long repeaters = count("SELECT count(*) FROM customer_stats WHERE order_count >= 2");
        long loyal = count("SELECT count(*) FROM customer_stats WHERE order_count >= 8");
        assertTrue(repeaters > 600 && repeaters < 2400, "repeat buyers: " + repeaters);
        assertTrue(loyal > 20, "a long tail of loyal buyers: " + loyal);
        assertTrue(count("SELECT count(*) FROM consents WHERE granted = 0") > 60, "some refused consents");
        assertTrue(count("SELECT count(*) FROM customers c LEFT JOIN customer_stats s ON s.customer_id = c.id WHERE s.customer_id IS NULL") > 0,
                "some customers never bought");
        assertEquals(0, count("""
                SELECT count(*) FROM customer_stats s JOIN (
                  SELECT customer_id, count(*) n, round(sum(amount), 2) rev FROM orders
                  WHERE status IN ('paid', 'completed') GROUP BY customer_id) o ON o.customer_id = s.customer_id
                WHERE o.n <> s.order_count OR abs(o.rev - s.revenue) > 0.005"""));
        assertEquals(0, count("SELECT count(*) FROM orders WHERE created_at > '" + anchor + "'"), "no order in the future");
    }

    private String fingerprint() {
        return jdbc.sql("SELECT count(*) || ':' || sum(amount) || ':' || min(order_no) || ':' || max(created_at) FROM orders")
                .query(String.class).single()
                + jdbc.sql("SELECT group_concat(name || mobile, ',') FROM (SELECT name, mobile FROM customers ORDER BY id LIMIT 20)")
                .query(String.class).single();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
