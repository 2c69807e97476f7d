package dev.rekindle.report.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rekindle.report.CampaignFixture;
import dev.rekindle.report.Timestamps;
import dev.rekindle.shop.ShopProfile;
import dev.rekindle.support.ShellTestSupport;
import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class OrdersAfterCampaignTests extends ShellTestSupport {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ShopProfile shop;

    static long campaign;
    static LocalDateTime planned;

    /**
     * 4,000 demo customers, every other one held out, planned now as an operator would. Made once for the
     * class (each test's simulation replaces the previous one's orders).
     */
    static JdbcTemplate cleanup;

    /** Campaign rows point at customers: leave none behind for tests that empty the customers table. */
    @AfterAll
    static void removeCampaigns() {
        if (cleanup != null) {
            new CampaignFixture(cleanup).clear();
        }
    }

    @BeforeEach
    void campaignOnTheDemoShop() {
        if (planned != null) {
            return;
        }
        cleanup = jdbc;
        run("demo reset --customers 4000 --seed 11 --yes");
        CampaignFixture fixture = new CampaignFixture(jdbc).ensureTables().clear();
        planned = shop.now();
        campaign = fixture.campaign("demo wake-up", Timestamps.format(planned), 50);
        jdbc.update("""
                INSERT INTO campaign_members(campaign_id, customer_id, status, channel)
                SELECT ?, id, CASE WHEN id % 2 = 0 THEN 'holdout' ELSE 'target' END, 'sms' FROM customers""", campaign);
    }

    @Test
    void contactedCustomersShouldConvertSignificantlyMoreThanHoldout() {
        Result sim = run("demo orders-after --campaign " + campaign + " --lift 0.5 --seed 3");
        assertEquals(0, sim.exit(), sim.all());
        String until = planned.plusDays(30).toLocalDate().toString();
        assertTrue(sim.out().contains("campaigns report " + campaign + " --window 30 --as-of " + until), sim.out());

        Result report = run("campaigns report " + campaign + " --as-of " + until + " --format json");
        JsonNode r = JsonMapper.builder().build().readTree(report.out());

        JsonNode overall = r.get("overall");
        assertEquals("higher", overall.get("verdict").asText(), overall.toString());
        assertTrue(overall.get("uplift_abs_low").asDouble() > 0, overall.toString());
        assertTrue(overall.get("p_value").asDouble() < 0.05, overall.toString());
        assertTrue(overall.get("uplift_rel").asDouble() > 0.2 && overall.get("uplift_rel").asDouble() < 1.0,
                "near the designed 50%: " + overall.get("uplift_rel"));
        assertTrue(overall.get("revenue_diff").asDouble() > 0, overall.toString());
        assertTrue(r.at("/window/complete").asBoolean());
    }

    @Test
    void theSameSeedShouldGiveTheSameOrdersAndRunningAgainShouldReplaceThem() {
        run("demo orders-after --campaign " + campaign + " --seed 9");
        String first = fingerprint();
        Result again = run("demo orders-after --campaign " + campaign + " --seed 9");
        String second = fingerprint();
        run("demo orders-after --campaign " + campaign + " --seed 10");

        assertEquals(first, second);
        assertNotEquals(first, fingerprint());
        assertTrue(again.out().contains("Replaced "), again.out());
        long simulated = jdbc.queryForObject("SELECT count(*) FROM orders WHERE order_no LIKE 'sim-c" + campaign + "-%'", Long.class);
        assertTrue(simulated > 100, "simulated orders: " + simulated);
        assertEquals(0, jdbc.queryForObject("SELECT count(*) FROM orders WHERE order_no LIKE 'sim-%' AND created_at < ?",
                Long.class, Timestamps.format(planned)), "every simulated order comes after the send");
    }

    @Test
    void customerAggregatesShouldStayCurrent() {
        run("demo orders-after --campaign " + campaign + " --days 20");

        assertEquals(0, jdbc.queryForObject("""
                SELECT count(*) FROM customer_stats s JOIN (
                  SELECT customer_id, count(*) n, round(sum(amount), 2) rev, max(created_at) last FROM orders
                  WHERE status IN ('paid', 'completed') GROUP BY customer_id) o ON o.customer_id = s.customer_id
                WHERE o.n <> s.order_count OR abs(o.rev - s.revenue) > 0.005 OR o.last <> s.last_order_at""", Long.class));
        assertTrue(jdbc.queryForObject("SELECT count(*) FROM customer_stats WHERE last_order_at > ?", Long.class,
                Timestamps.format(planned)) > 0);
    }

    @Test
    void wrongInputShouldSayWhatIsWrong() {
        assertEquals(2, run("demo orders-after").exit());
        assertEquals(2, run("demo orders-after --campaign 1 --lift 9").exit());
        assertEquals(2, run("demo orders-after --campaign 1 --days 0").exit());
        Result missing = run("demo orders-after --campaign 424242");
        assertEquals(1, missing.exit());
        assertTrue(missing.err().contains("no campaign 424242"), missing.err());
    }

    private String fingerprint() {
        return jdbc.queryForObject("""
                SELECT count(*) || ':' || sum(amount) || ':' || min(created_at) || ':' || max(created_at) || ':' || group_concat(order_no, ',')
                FROM (SELECT * FROM orders WHERE order_no LIKE 'sim-%' ORDER BY order_no)""", String.class);
    }
}
