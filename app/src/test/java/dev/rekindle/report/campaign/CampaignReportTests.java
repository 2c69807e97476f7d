package dev.rekindle.report.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rekindle.report.CampaignFixture;
import dev.rekindle.report.Timestamps;
import dev.rekindle.shop.ShopProfile;
import dev.rekindle.store.CustomerStats;
import dev.rekindle.support.ShellTestSupport;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A hand-built campaign: 100 targets (1-60 by SMS, 61-100 by email), 50 holdout (101-130 SMS, 131-150 email),
 * 10 skipped. In the 30 days after the send, targets 1-20 order 100 each (target 1 another 50), holdout
 * 101-105 order 60 each. Orders that must not count: a closed order, one after the window, one before the
 * send, one by a skipped member. Expected figures were computed independently (Python, by hand).
 */
@TestPropertySource(properties = "rekindle.report.price.sms=0.05")
class CampaignReportTests extends ShellTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CustomerStats stats;
    @Autowired
    ShopProfile shop;

    CampaignFixture fixture;
    LocalDateTime sent;
    long campaign;

    @BeforeEach
    void handBuiltCampaign() {
        run("demo reset --customers 200 --seed 5 --yes");
        fixture = new CampaignFixture(jdbc).ensureTables().clear();
        sent = shop.today().minusDays(60).atTime(10, 0);
        // a clean slate after the send, so that only the orders below fall in the window
        jdbc.update("DELETE FROM orders WHERE created_at >= ?", at(0));
        campaign = fixture.campaign("春季唤醒", Timestamps.format(sent), 33.3);
        for (long c = 1; c <= 160; c++) {
            String status = c <= 100 ? "target" : c <= 150 ? "holdout" : "skipped";
            String channel = c <= 60 || (c > 100 && c <= 130) ? "sms" : "email";
            fixture.member(campaign, c, status, channel);
        }
        for (long c = 1; c <= 20; c++) {
            fixture.order("t-" + c, c, at(24), 100, "completed");
        }
        fixture.order("t-1b", 1, at(48), 50, "paid");
        for (long c = 101; c <= 105; c++) {
            fixture.order("h-" + c, c, at(72), 60, "completed");
        }
        fixture.order("closed-21", 21, at(24), 999, "closed")
                .order("late-22", 22, at(31 * 24), 999, "completed")
                .order("early-23", 23, at(-1), 999, "completed")
                .order("skipped-151", 151, at(24), 999, "completed");
        stats.refreshAll();
    }

    /** Campaign rows point at customers: leave none behind for tests that empty the customers table. */
    @AfterEach
    void removeCampaigns() {
        fixture.clear();
    }

    @Test
    void shouldCompareContactedWithHoldoutWithinTheWindow() {
        JsonNode r = json(run("campaigns report " + campaign + " --format json"));

        JsonNode overall = r.get("overall");
        assertEquals(100, overall.at("/contacted/customers").asInt());
        assertEquals(20, overall.at("/contacted/buyers").asInt());
        assertEquals(0.2, overall.at("/contacted/conversion").asDouble(), 1e-9);
        assertEquals(2050, overall.at("/contacted/revenue").asDouble(), 1e-9);
        assertEquals(20.5, overall.at("/contacted/revenue_per_customer").asDouble(), 1e-9);
        assertEquals(50, overall.at("/holdout/customers").asInt());
        assertEquals(5, overall.at("/holdout/buyers").asInt());
        assertEquals(6.0, overall.at("/holdout/revenue_per_customer").asDouble(), 1e-9);
        assertEquals(0.1, overall.get("uplift_abs").asDouble(), 1e-9);
        assertEquals(-0.031702, overall.get("uplift_abs_low").asDouble(), 1e-6);   // Newcombe
        assertEquals(0.205288, overall.get("uplift_abs_high").asDouble(), 1e-6);
        assertEquals(1.0, overall.get("uplift_rel").asDouble(), 1e-9);
        // Koopman score interval, computed independently (SciPy brentq on the score statistic)
        assertEquals(-0.154605, overall.get("uplift_rel_low").asDouble(), 1e-6);
        assertEquals(3.959893, overall.get("uplift_rel_high").asDouble(), 1e-6);
        assertEquals(0.163741, overall.get("p_value").asDouble(), 1e-6);   // SciPy 1.17.1 fisher_exact
        assertEquals("no_clear_difference", overall.get("verdict").asText());
        assertEquals(14.5, overall.get("revenue_diff").asDouble(), 1e-9);
        // 25 buyers of 150: the holdout of 50 expects 8.3, below the minimum of 10, so no interval is claimed
        assertTrue(overall.get("revenue_diff_low").isNull());
        assertEquals("too few buyers to say: revenue needs at least 10 buyers expected in each group (here 8.3)",
                overall.get("revenue_reason").asText());
        assertEquals("Fisher's exact test, two-sided", r.at("/methods/p_value").asText());
        assertEquals(10, r.get("skipped").asInt());
        assertTrue(r.at("/window/complete").asBoolean());
        assertEquals("planned", r.get("sent_at_source").asText());
        assertEquals(Timestamps.format(sent), r.get("sent_at").asText());
    }

    @Test
    void shouldShowCostAndReturnPerChannelWhenAPriceIsConfigured() {
        JsonNode r = json(run("campaigns report " + campaign + " --format json"));

        JsonNode sms = channel(r, "sms");
        assertEquals(60, sms.at("/contacted/customers").asInt());
        assertEquals(30, sms.at("/holdout/customers").asInt());
        assertEquals(60, sms.get("messages").asInt());
        assertFalse(sms.get("messages_from_ledger").asBoolean());
        assertEquals(3.0, sms.get("cost").asDouble(), 1e-9);
        // 25 buyers among 90 SMS members: too few to claim extra revenue, so no total and no return per yuan
        assertTrue(sms.get("incremental_revenue").isNull());
        assertTrue(sms.get("return_per_cost").isNull());
        assertTrue(sms.get("revenue_reason").asText().startsWith("too few buyers to say"));
        JsonNode email = channel(r, "email");
        assertTrue(email.get("price_per_message").isNull());
        assertTrue(email.get("cost").isNull());
        assertEquals("not_enough_data", email.get("verdict").asText());
        assertEquals("nobody has ordered yet in either group", email.get("reason").asText());
    }

    @Test
    void shouldSayTheWindowIsStillOpenAndCountOnlyWhatIsKnownSoFar() {
        String asOf = sent.plusDays(2).toLocalDate().toString();

        Result table = run("campaigns report " + campaign + " --as-of " + asOf);
        JsonNode r = json(run("campaigns report " + campaign + " --as-of " + asOf + " --format json"));

        assertEquals(0, table.exit(), table.all());
        assertTrue(table.out().contains("STILL OPEN: 2.6 of 30 days observed"), table.out());
        assertFalse(r.at("/window/complete").asBoolean());
        assertEquals(2.6, r.at("/window/days_observed").asDouble(), 1e-9);
        assertEquals(20, r.at("/overall/contacted/buyers").asInt());
        assertEquals(2050, r.at("/overall/contacted/revenue").asDouble(), 1e-9);
        assertEquals(0, r.at("/overall/holdout/buyers").asInt(), "the holdout orders came on day 3");
    }

    @Test
    void shouldTakeTheSendTimeAndMessagesFromTheDeliveryLedger() {
        fixture.ensureLedger();
        for (long c = 1; c <= 60; c++) {
            if (c != 60) fixture.delivery(campaign, c, "sms", Timestamps.format(sent.plusHours(2)));
        }

        JsonNode r = json(run("campaigns report " + campaign + " --format json"));

        assertEquals("ledger", r.get("sent_at_source").asText());
        assertEquals(Timestamps.format(sent.plusHours(2)), r.get("sent_at").asText());
        assertEquals(59, channel(r, "sms").get("messages").asInt());
        assertTrue(channel(r, "sms").get("messages_from_ledger").asBoolean());
        assertEquals(2.95, channel(r, "sms").get("cost").asDouble(), 1e-9);
        assertEquals(0, channel(r, "email").get("messages").asInt(), "no email went out");
        assertEquals(100, r.at("/overall/contacted/customers").asInt(), "contacted = planned targets, delivered or not");
    }

    @Test
    void shouldBreakDownBySegmentAndStageFromTheSnapshotThePlanUsed() {
        Map<Long, String[]> snapshot = new HashMap<>();
        for (long c = 1; c <= 150; c++) {
            boolean important = c <= 50 || (c > 100 && c <= 125);
            snapshot.put(c, new String[]{c <= 125 ? "silent" : "sleeping", important ? "important_value" : "general_retain"});
        }
        long planned = fixture.snapshot(sent.toLocalDate().toString(), snapshot);
        jdbc.update("UPDATE campaigns SET snapshot_id = ? WHERE id = ?", planned, campaign);
        // a later snapshot where everyone moved on must not be used
        Map<Long, String[]> later = new HashMap<>();
        for (long c = 1; c <= 150; c++) {
            later.put(c, new String[]{"lost", "general_lost"});
        }
        fixture.snapshot(sent.plusDays(40).toLocalDate().toString(), later);

        JsonNode r = json(run("campaigns report " + campaign + " --format json"));

        List<String> segments = keys(r.get("segments"));
        assertEquals(List.of("important_value", "general_retain"), segments);
        JsonNode important = r.get("segments").get(0);
        assertEquals(50, important.at("/contacted/customers").asInt());
        assertEquals(20, important.at("/contacted/buyers").asInt());
        assertEquals(25, important.at("/holdout/customers").asInt());
        assertEquals(5, important.at("/holdout/buyers").asInt());
        assertEquals(List.of("silent", "sleeping"), keys(r.get("stages")));
        assertEquals(0, r.at("/stages/1/contacted/customers").asInt(), "targets are all silent");
        assertTrue(r.get("breakdown_source").asText().startsWith("segments and stages from snapshot #" + planned + " "),
                r.get("breakdown_source").asText());
    }

    @Test
    void onceThePlannedSnapshotIsGoneTheReportShouldSaySoAndNotUseALaterOne() {
        Map<Long, String[]> later = new HashMap<>();
        for (long c = 1; c <= 150; c++) {
            later.put(c, new String[]{"lost", "general_lost"});
        }
        long newer = fixture.snapshot(sent.plusDays(40).toLocalDate().toString(), later);
        jdbc.update("UPDATE campaigns SET snapshot_id = ? WHERE id = ?", newer + 100, campaign);

        JsonNode r = json(run("campaigns report " + campaign + " --format json"));

        assertEquals(List.of("unknown"), keys(r.get("segments")));
        assertFalse(keys(r.get("stages")).contains("lost") && r.at("/stages/0/contacted/customers").asInt() == 100,
                "stages must not come from the later snapshot");
        assertTrue(r.get("breakdown_source").asText().startsWith("snapshot #" + (newer + 100)
                + ", the one the campaign was planned on, is no longer kept"), r.get("breakdown_source").asText());
    }

    @Test
    void withoutASnapshotStagesShouldComeFromTheLastPurchaseBeforeTheSend() {
        jdbc.update("DELETE FROM customer_snapshot");
        jdbc.update("DELETE FROM snapshots");

        JsonNode r = json(run("campaigns report " + campaign + " --format json"));

        int contacted = 0;
        for (JsonNode s : r.get("stages")) {
            assertTrue(List.of("active", "silent", "sleeping", "lost", "gone", "none").contains(s.get("key").asText()), s.toString());
            contacted += s.at("/contacted/customers").asInt();
        }
        assertEquals(100, contacted);
        assertEquals(List.of("unknown"), keys(r.get("segments")));
        assertTrue(r.get("breakdown_source").asText().contains("is no longer kept"), r.get("breakdown_source").asText());
    }

    @Test
    void tableShouldReadAsAReportForTheOperator() {
        Result r = run("campaigns report " + campaign);

        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().startsWith("Campaign " + campaign + " · 春季唤醒 · strategy test-strategy"), r.out());
        assertTrue(r.out().contains("30 days, to " + Timestamps.minutes(sent.plusDays(30)) + ": complete"), r.out());
        assertTrue(r.out().contains("100 contacted (planned targets) · 50 holdout · 10 skipped"), r.out());
        assertTrue(r.out().contains("Absolute uplift   +10.00 pts   95% CI -3.17 pts … +20.53 pts  (Newcombe hybrid score interval)"), r.out());
        assertTrue(r.out().contains("Significance      no difference shown  (p = 0.164, Fisher's exact test, two-sided)"), r.out());
        assertTrue(r.out().contains("Revenue/customer  too few buyers to say"), r.out());
        assertTrue(r.out().contains("p (Holm)"), r.out());
        assertTrue(r.out().contains("By segment") && r.out().contains("By stage") && r.out().contains("By channel"), r.out());
        assertFalse(r.out().contains("¥483.33"), "no return per yuan claimed with too few buyers: " + r.out());
    }

    @Test
    void csvShouldHaveAFixedHeaderAndOneRowPerComparedGroup() {
        Result r = run("campaigns report " + campaign + " --format csv");

        String[] lines = r.out().strip().split("\n");
        assertEquals(String.join(",", CampaignReportData.CSV_COLUMNS), lines[0]);
        assertTrue(lines[1].startsWith(campaign + ",overall,all,100,20,0.2,20.5,50,5,0.1,6,0.1,"), lines[1]);
        assertTrue(r.out().contains(",channel,sms,60,20,"), r.out());
        for (String line : lines) {
            assertEquals(CampaignReportData.CSV_COLUMNS.size(), line.split(",", -1).length, line);
        }
    }

    /**
     * A second campaign of the same strategy two days later: 40 targets (1-40), of whom 1 (50 at 48 h) and 22 (999
     * at 31 days) order in its window, 20 holdout (101-120), of whom 101-105 order. Pooled by hand (Python, same
     * formulas as R's mantelhaen.test): CMH 0.004585, p = 0.946013, MH risk difference 0.014286.
     */
    @Test
    void strategyReportShouldPoolTheCampaignsOfAStrategy() {
        long second = fixture.campaign("两天后", Timestamps.format(sent.plusDays(2)), 33.3);
        for (long c = 1; c <= 40; c++) {
            fixture.member(second, c, "target", "sms");
        }
        for (long c = 101; c <= 120; c++) {
            fixture.member(second, c, "holdout", "sms");
        }

        JsonNode r = json(run("campaigns report --strategy test-strategy --format json"));
        Result table = run("campaigns report --strategy test-strategy --from " + sent.toLocalDate() + " --to " + sent.plusDays(5).toLocalDate());
        Result onlyFirst = run("campaigns report --strategy test-strategy --format json --to " + sent.plusDays(1).toLocalDate());

        assertEquals(2, r.get("campaigns").size());
        assertEquals(campaign, r.at("/campaigns/0/campaign_id").asLong());
        assertEquals(2, r.at("/campaigns/1/contacted_buyers").asInt());
        assertEquals(5, r.at("/campaigns/1/holdout_buyers").asInt());
        assertEquals(0.004585, r.at("/pooled/cmh_statistic").asDouble(), 1e-6);
        assertEquals(0.946013, r.at("/pooled/p_value").asDouble(), 1e-6);
        assertEquals(0.014286, r.at("/pooled/uplift_abs").asDouble(), 1e-6);
        assertEquals(0.1, r.at("/campaigns/0/cumulative/uplift_abs").asDouble(), 1e-6, "after the first campaign, its own uplift");
        assertEquals("Cochran-Mantel-Haenszel test, stratified by campaign", r.at("/methods/pooled_p_value").asText());
        assertEquals(0, table.exit(), table.all());
        assertTrue(table.out().contains("All 2 campaigns, stratified by campaign:"), table.out());
        assertEquals(1, json(onlyFirst).get("campaigns").size());
        assertEquals(2, run("campaigns report " + campaign + " --strategy test-strategy").exit());
        assertEquals(1, run("campaigns report --strategy nothing-like-this").exit());
    }

    @Test
    void wrongInputShouldSayWhatIsWrong() {
        Result missing = run("campaigns report 999");
        Result notANumber = run("campaigns report abc");
        Result badWindow = run("campaigns report " + campaign + " --window 0");
        Result badFormat = run("campaigns report " + campaign + " --format xml");
        Result beforeSend = run("campaigns report " + campaign + " --as-of " + sent.minusDays(1).toLocalDate());

        assertEquals(1, missing.exit());
        assertTrue(missing.err().contains("no campaign 999"), missing.err());
        assertEquals(2, notANumber.exit());
        assertEquals(2, badWindow.exit());
        assertTrue(badWindow.err().contains("--window must be 1 to 365"), badWindow.err());
        assertEquals(2, badFormat.exit());
        assertEquals(1, beforeSend.exit());
        assertTrue(beforeSend.err().contains("choose a later --as-of"), beforeSend.err());
    }

    private String at(int hoursAfterSend) {
        return Timestamps.format(sent.plusHours(hoursAfterSend));
    }

    private static JsonNode json(Result r) {
        assertEquals(0, r.exit(), r.all());
        return JSON.readTree(r.out());
    }

    private static JsonNode channel(JsonNode report, String channel) {
        for (JsonNode c : report.get("channels")) {
            if (c.get("key").asText().equals(channel)) return c;
        }
        throw new AssertionError("no channel " + channel + " in " + report.get("channels"));
    }

    private static List<String> keys(JsonNode array) {
        List<String> keys = new java.util.ArrayList<>();
        array.forEach(n -> keys.add(n.get("key").asText()));
        return keys;
    }
}
