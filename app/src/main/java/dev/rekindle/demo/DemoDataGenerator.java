package dev.rekindle.demo;

import dev.rekindle.store.CustomerStats;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fills an empty database with a deterministic demo shop: the same seed and anchor date always give the
 * same customers and orders. First purchases spread over two and a half years before the anchor (more
 * recent ones more often, as a growing shop has), about half the customers buy once, the others come back
 * at their own pace until they drift away, so every lifecycle stage and RFM segment is populated.
 */
@Component
public class DemoDataGenerator {

    public record Summary(int customers, int orders, int refusedConsents) {
    }

    static final int HISTORY_DAYS = 900;
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final int BATCH = 5_000;

    private final JdbcTemplate jdbc;
    private final CustomerStats stats;

    public DemoDataGenerator(JdbcTemplate jdbc, CustomerStats stats) {
        this.jdbc = jdbc;
        this.stats = stats;
    }

    @Transactional
    public Summary generate(int customers, long seed, LocalDate anchor) {
        SplittableRandom random = new SplittableRandom(seed);
        insertProducts();
        List<Object[]> customerRows = new ArrayList<>();
        List<Object[]> orderRows = new ArrayList<>();
        List<Object[]> consentRows = new ArrayList<>();
        int orders = 0;
        int refused = 0;
        long orderSeq = 0;
        for (int n = 1; n <= customers; n++) {
            SplittableRandom r = random.split();
            DemoCustomer c = DemoCustomer.draw(n, r, anchor);
            for (DemoCustomer.Order o : c.orders()) {
                orderSeq++;
                orderRows.add(new Object[]{String.valueOf(3_100_000_000_000_000L + orderSeq * 7_777L + r.nextInt(7_777)),
                        n, TS.format(o.createdAt()), o.paidAt() == null ? null : TS.format(o.paidAt()),
                        o.amount(), o.status(), o.items(), o.category().title});
            }
            orders += c.orders().size();
            customerRows.add(new Object[]{n, c.buyerId(), c.name(), c.mobile(), c.email(), c.wechatId(), c.birthday(),
                    c.gender(), c.city(), c.memberLevel(), c.points(), TS.format(c.createdAt())});
            for (Object[] consent : c.consents()) {
                consentRows.add(consent);
                if (Integer.valueOf(0).equals(consent[2])) {
                    refused++;
                }
            }
            if (customerRows.size() >= BATCH) {
                flush(customerRows, orderRows, consentRows);
            }
        }
        flush(customerRows, orderRows, consentRows);
        stats.refreshAll();
        jdbc.update("DELETE FROM settings WHERE key LIKE 'demo.%'");
        jdbc.update("INSERT INTO settings(key, value) VALUES ('demo.anchor', ?), ('demo.seed', ?), ('demo.customers', ?)",
                anchor.toString(), String.valueOf(seed), String.valueOf(customers));
        return new Summary(customers, orders, refused);
    }

    private void flush(List<Object[]> customers, List<Object[]> orders, List<Object[]> consents) {
        jdbc.batchUpdate("""
                INSERT INTO customers(id, buyer_id, name, mobile, email, wechat_id, birthday, gender, city,
                                      member_level, points, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", customers);
        jdbc.batchUpdate("""
                INSERT INTO orders(order_no, customer_id, created_at, paid_at, amount, status, item_count, category)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", orders);
        jdbc.batchUpdate("INSERT INTO consents(customer_id, channel, granted, source, recorded_at) VALUES (?, ?, ?, ?, ?)",
                consents);
        customers.clear();
        orders.clear();
        consents.clear();
    }

    private void insertProducts() {
        List<Object[]> rows = new ArrayList<>();
        for (DemoCatalog c : DemoCatalog.values()) {
            for (int i = 0; i < c.products.length; i++) {
                rows.add(new Object[]{c.name().toLowerCase() + "-" + (i + 1), c.products[i], c.title, c.lifespanDays});
            }
        }
        jdbc.batchUpdate("INSERT INTO products(product_id, title, category, lifespan_days) VALUES (?, ?, ?, ?)", rows);
    }

    static String timestamp(LocalDateTime t) {
        return TS.format(t);
    }
}
