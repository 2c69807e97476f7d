package dev.rekindle.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rekindle.support.ShellTestSupport;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class CustomerCommandsTests extends ShellTestSupport {

    @Autowired
    JdbcClient jdbc;

    Map<String, Object> someone;

    @BeforeEach
    void demoShop() {
        assertEquals(0, run("demo reset --customers 300 --yes").exit());
        someone = jdbc.sql("""
                SELECT c.id, c.buyer_id, c.name, c.mobile, c.email FROM customers c
                JOIN customer_stats s ON s.customer_id = c.id
                WHERE c.email IS NOT NULL AND s.order_count >= 2 ORDER BY c.id LIMIT 1""").query().singleRow();
    }

    @Test
    void showShouldMaskTheMobileAndEmail() {
        String mobile = (String) someone.get("mobile");
        Result r = run("customers show " + someone.get("buyer_id"));

        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains(mobile.substring(0, 3) + "****" + mobile.substring(7)), r.out());
        assertFalse(r.out().contains(mobile), "the full number must never be shown");
        assertFalse(r.out().contains((String) someone.get("email")), r.out());
        assertTrue(r.out().contains("latest orders"), r.out());
        assertTrue(r.out().contains((String) someone.get("name")), r.out());
    }

    @Test
    void showShouldPrintABirthdayWithoutAYearAsMonthAndDay() {
        jdbc.sql("UPDATE customers SET birthday = '--12-10' WHERE id = ?").param(someone.get("id")).update();
        Result noYear = run("customers show " + someone.get("buyer_id"));

        assertEquals(0, noYear.exit(), noYear.all());
        assertTrue(noYear.out().lines().anyMatch(l -> l.strip().matches("birthday\\s+12-10")), noYear.out());
        assertFalse(noYear.out().contains("--12-10"), "ISO's stored form is not for people: " + noYear.out());

        jdbc.sql("UPDATE customers SET birthday = '1990-12-10' WHERE id = ?").param(someone.get("id")).update();
        Result withYear = run("customers show " + someone.get("buyer_id"));
        assertTrue(withYear.out().lines().anyMatch(l -> l.strip().matches("birthday\\s+1990-12-10")), withYear.out());
    }

    @Test
    void findShouldMatchByNameOrMobileDigitsAndMask() {
        String mobile = (String) someone.get("mobile");
        Result byMobile = run("customers find --mobile " + mobile.substring(3, 11));

        assertEquals(0, byMobile.exit(), byMobile.all());
        assertTrue(byMobile.out().contains((String) someone.get("buyer_id")), byMobile.out());
        assertFalse(byMobile.out().contains(mobile), byMobile.out());

        String surname = ((String) someone.get("name")).substring(0, 1);
        Result byName = run("customers find --name " + surname + " --format csv --limit 3");
        assertEquals(0, byName.exit());
        assertTrue(byName.out().startsWith("buyer_id,name,mobile,city,level,orders,revenue,last_order\n"), byName.out());
        assertTrue(byName.out().lines().skip(1).allMatch(l -> l.split(",")[1].startsWith(surname)), byName.out());
    }

    @Test
    void findShouldMatchEveryWordOfANameTypedWithASpace() {
        // as the README's example "王 芳": people type family and given name apart, the shop stores them together
        String name = (String) someone.get("name");
        String family = name.substring(0, 1);
        String given = name.substring(name.length() - 1);
        Result r = run("customers find --name \"" + family + " " + given + "\" --format csv --limit 50");

        assertEquals(0, r.exit(), r.all());
        java.util.List<String> names = r.out().lines().skip(1).map(l -> l.split(",")[1]).toList();
        assertTrue(names.contains(name), r.out());
        assertTrue(names.stream().allMatch(n -> n.contains(family) && n.contains(given)), r.out());
    }

    @Test
    void theReadmesExampleShouldFindPeopleOnTheDefaultDemoShop() {
        assertEquals(0, run("demo reset --yes").exit()); // the README's demo shop: 20,000 customers, seed 42
        Result r = run("customers find --name \"王 芳\" --format csv");

        assertEquals(0, r.exit(), r.all());
        java.util.List<String> names = r.out().lines().skip(1).map(l -> l.split(",")[1]).toList();
        assertFalse(names.isEmpty(), r.out());
        assertTrue(names.stream().allMatch(n -> n.startsWith("王") && n.contains("芳")), r.out());
    }

    @Test
    void statusShouldCountTheSamePeopleAfterAForget() {
        run("customers forget " + someone.get("buyer_id") + " --yes");

        Result r = run("status");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Customers\\s+([\\d,]+)\\s+\\(([\\d,]+) have bought")
                .matcher(r.out());
        assertTrue(m.find(), r.out());
        long customers = Long.parseLong(m.group(1).replace(",", ""));
        long buyers = Long.parseLong(m.group(2).replace(",", ""));
        assertEquals(299, customers, r.out());
        assertTrue(buyers <= customers, "an erased buyer is no longer counted among those who bought: " + r.out());
        assertEquals(jdbc.sql("""
                SELECT count(*) FROM customer_stats s JOIN customers c ON c.id = s.customer_id
                WHERE c.erased_at IS NULL AND s.order_count > 0""").query(Long.class).single(), buyers);
    }

    @Test
    void findWithoutCriteriaIsAUsageError() {
        assertEquals(2, run("customers find").exit());
        assertEquals(2, run("customers find --mobile 13a").exit());
    }

    @Test
    void forgetShouldEraseThePersonButKeepAnonymousOrders() {
        long id = ((Number) someone.get("id")).longValue();
        long ordersBefore = count("SELECT count(*) FROM orders WHERE customer_id = " + id);
        double revenueBefore = jdbc.sql("SELECT sum(revenue) FROM customer_stats").query(Double.class).single();

        Result r = run("customers forget " + someone.get("buyer_id") + " --yes");

        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("Kept " + ordersBefore + " order(s) as anonymous facts under erased-" + id), r.out());
        Map<String, Object> after = jdbc.sql("SELECT * FROM customers WHERE id = ?").param(id).query().singleRow();
        for (String personal : new String[]{"name", "mobile", "email", "wechat_id", "birthday", "gender", "city"}) {
            assertEquals(null, after.get(personal), personal + " must be erased");
        }
        assertEquals("erased-" + id, after.get("buyer_id"));
        assertEquals(0, count("SELECT count(*) FROM consents WHERE customer_id = " + id));
        assertEquals(ordersBefore, count("SELECT count(*) FROM orders WHERE customer_id = " + id));
        assertEquals(revenueBefore, jdbc.sql("SELECT sum(revenue) FROM customer_stats").query(Double.class).single(), 0.001);
        assertEquals(1, run("customers show " + someone.get("buyer_id")).exit(), "the old buyer id is gone");
    }

    @Test
    void forgetShouldChangeNothingWhenTheOperatorSaysNo() {
        Result r = run("customers forget " + someone.get("buyer_id"), prompt -> "n");

        assertEquals(0, r.exit());
        assertEquals("Nothing changed.", r.out().strip());
        assertEquals(someone.get("name"), jdbc.sql("SELECT name FROM customers WHERE id = ?")
                .param(someone.get("id")).query(String.class).single());
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
