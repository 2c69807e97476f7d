package dev.rekindle.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rekindle.support.CampaignTestSupport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Planning, showing, previewing and dry-running campaigns on demo data with the real strategies plugin. */
class CampaignCommandsTests extends CampaignTestSupport {

    @Autowired
    JdbcTemplate jdbc;

    @org.springframework.beans.factory.annotation.Value("${rekindle.data-dir}")
    String dataDir;

    @TempDir
    Path tmp;

    static long campaignId(Result r) {
        Matcher m = Pattern.compile("Campaign (\\d+) planned").matcher(r.out());
        assertTrue(m.find(), r.all());
        return Long.parseLong(m.group(1));
    }

    @Test
    void planningWithoutASnapshotSaysToRunSegmentsRefreshFirst() {
        run("demo reset --customers 50 --yes");
        jdbc.update("DELETE FROM customer_snapshot");
        jdbc.update("DELETE FROM snapshots");

        Result r = run("campaigns plan winback-silent");

        assertEquals(1, r.exit());
        assertTrue(r.err().contains("run segments refresh first"), r.err());
    }

    @Test
    void aPlanStoresTheCampaignAndPrintsCountsReasonsAndMaskedSamples() {
        demoWithSnapshot(600);

        Result r = run("campaigns plan winback-silent --holdout 20 --name 沉默唤醒测试");

        assertEquals(0, r.exit(), r.all());
        long id = campaignId(r);
        assertTrue(r.out().contains("沉默唤醒测试"), r.out());
        Map<String, Object> c = jdbc.queryForMap("SELECT * FROM campaigns WHERE id = ?", id);
        assertEquals("winback-silent", c.get("strategy"));
        assertEquals("MARKETING", c.get("purpose"));
        assertEquals(20.0, ((Number) c.get("holdout_pct")).doubleValue());
        assertTrue(((String) c.get("settings")).contains("\"winback-silent.offer.default\":\"coupon-10\""), (String) c.get("settings"));
        long silent = jdbc.queryForObject("SELECT count(*) FROM customer_snapshot WHERE stage = 'silent'", Long.class);
        long members = jdbc.queryForObject("SELECT count(*) FROM campaign_members WHERE campaign_id = ?", Long.class, id);
        assertEquals(silent, members, "every silent customer is recorded: target, holdout or skipped");
        assertEquals(((Number) c.get("targets")).longValue() + ((Number) c.get("holdout")).longValue()
                + ((Number) c.get("skipped")).longValue(), members);
        assertTrue(r.out().contains("no marketing consent"), r.out());
        assertTrue(r.out().contains("Sample messages:"), r.out());
        assertTrue(r.out().matches("(?s).*\\d{3}\\*{4}\\d{4}.*"), "masked mobile: " + r.out());
        assertFalse(r.out().matches("(?s).*1[3-9]\\d{9}.*"), "no full mobile number on screen: " + r.out());
        assertTrue(r.out().contains("【暖心小铺】") && r.out().contains("回T退订"), r.out());
        // skipped customers really had a reason: nobody without consent is a target of a marketing campaign
        long targetsWithoutConsent = jdbc.queryForObject("""
                SELECT count(*) FROM campaign_members m WHERE m.campaign_id = ? AND m.status = 'target' AND m.channel = 'sms'
                AND NOT EXISTS (SELECT 1 FROM consents k WHERE k.customer_id = m.customer_id AND k.channel IN ('sms', '*') AND k.granted = 1)""",
                Long.class, id);
        assertEquals(0, targetsWithoutConsent);
    }

    @Test
    void planningIsDeterministicAndTheHoldoutGroupIsTheSameForTheSameCampaign() {
        demoWithSnapshot(600);
        long a = campaignId(run("campaigns plan last-call-lost --holdout 30"));
        Result again = run("campaigns plan last-call-lost --holdout 30 --again");
        assertTrue(again.out().contains("already contacted for this occasion"), "one message per occasion: " + again.out());
        assertEquals(0, run("campaigns cancel " + a + " --yes").exit(), "a cancelled plan frees its customers");
        long b = campaignId(run("campaigns plan last-call-lost --holdout 30 --again"));

        String members = "SELECT customer_id || ':' || status || ':' || coalesce(channel, '') || ':' || coalesce(reason, '') || ':'"
                + " || coalesce(offer_code, '') FROM campaign_members WHERE campaign_id = ? ORDER BY customer_id";
        List<String> first = jdbc.queryForList(members, String.class, a);
        assertEquals(first, jdbc.queryForList(members, String.class, b));
        long holdout = first.stream().filter(s -> s.contains(":holdout:")).count();
        assertTrue(holdout > 0, "30% of the reachable customers are held out");
    }

    @Test
    void segmentAndChannelRestrictThePlan() {
        demoWithSnapshot(600);

        Result bySegment = run("campaigns plan vip-exclusive --segment important_value --holdout 0");
        Result byChannel = run("campaigns plan winback-sleeping --channel email --holdout 0");

        assertEquals(0, bySegment.exit(), bySegment.all());
        assertEquals(0, jdbc.queryForObject("""
                SELECT count(*) FROM campaign_members m JOIN customer_snapshot s ON s.customer_id = m.customer_id
                WHERE m.campaign_id = ? AND s.segment <> 'important_value'""", Long.class, campaignId(bySegment)));
        assertEquals(0, byChannel.exit(), byChannel.all());
        assertEquals(List.of("email"), jdbc.queryForList("SELECT DISTINCT channel FROM campaign_members WHERE campaign_id = ?"
                + " AND status = 'target'", String.class, campaignId(byChannel)));
        assertTrue(byChannel.out().contains("no contact data"), byChannel.out());
    }

    @Test
    void wrongInputIsExplained() {
        demoWithSnapshot(50);

        Result segment = run("campaigns plan winback-silent --segment vip");
        Result strategy = run("campaigns plan winback");
        Result channel = run("campaigns plan winback-silent --channel fax");
        Result holdout = run("campaigns plan winback-silent --holdout 95");
        Result asOf = run("campaigns plan winback-silent --as-of 2020-01-01");
        Result unknown = run("campaigns show 999");

        assertEquals(2, segment.exit());
        assertTrue(segment.err().contains("unknown segment 'vip'") && segment.err().contains("important_keep"), segment.err());
        assertEquals(1, strategy.exit());
        assertTrue(strategy.err().contains("no strategy 'winback'") && strategy.err().contains("winback-silent"), strategy.err());
        assertEquals(2, channel.exit());
        assertTrue(channel.err().contains("unknown channel 'fax'"), channel.err());
        assertEquals(2, holdout.exit());
        assertEquals(1, asOf.exit());
        assertTrue(asOf.err().contains("segments refresh --as-of 2020-01-01"), asOf.err());
        assertEquals(1, unknown.exit());
        assertTrue(unknown.err().contains("no campaign 999"), unknown.err());
    }

    @Test
    void dryRunWritesEveryMessageToAJsonLinesOutboxAndTouchesNoChannel() throws Exception {
        demoWithSnapshot(600);
        long id = campaignId(run("campaigns plan winback-silent --holdout 10"));
        long targets = jdbc.queryForObject("SELECT targets FROM campaigns WHERE id = ?", Long.class, id);
        Path out = tmp.resolve("outbox.jsonl");

        Result r = run("campaigns dry-run " + id + " --out " + out);

        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("Nothing was sent"), r.out());
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertEquals(targets, lines.size());
        JsonMapper json = JsonMapper.builder().build();
        JsonNode first = json.readTree(lines.get(0));
        for (String field : List.of("campaign", "customer", "channel", "to", "strategy", "purpose", "offer", "text")) {
            assertTrue(first.has(field), field + " in " + lines.get(0));
        }
        assertEquals(id, first.get("campaign").asLong());
        assertEquals("winback-silent", first.get("strategy").asString());
        for (String line : lines) {
            JsonNode m = json.readTree(line);
            if (m.get("channel").asString().equals("sms")) {
                assertTrue(m.get("to").asString().matches("\\d{3}\\*{4}\\d{4}"), line);
                assertTrue(m.get("sms_parts").asInt() >= 1, line);
                assertTrue(m.get("text").asString().startsWith("【暖心小铺】"), line);
            }
            if (m.get("channel").asString().equals("email")) {
                assertFalse(m.get("subject").asString().isBlank(), line);
            }
        }
        // the holdout is not in the outbox
        List<String> held = jdbc.queryForList("SELECT c.buyer_id FROM campaign_members m JOIN customers c ON c.id = m.customer_id"
                + " WHERE m.campaign_id = ? AND m.status = 'holdout'", String.class, id);
        String all = String.join("\n", lines);
        held.forEach(h -> assertFalse(all.contains("\"customer\":\"" + h + "\""), h));
        assertFalse(Files.exists(Path.of(dataDir, "outbox", "file-channel.jsonl")), "the built-in file channel was not used");
        assertEquals(out.toAbsolutePath().toString(), jdbc.queryForObject("SELECT dry_run_file FROM campaigns WHERE id = ?", String.class, id));
    }

    @Test
    void dryRunToCsvAndAnOptOutSincePlanningIsHonoured() throws Exception {
        demoWithSnapshot(600);
        long id = campaignId(run("campaigns plan winback-sleeping --channel sms --holdout 0"));
        Long optingOut = jdbc.queryForObject("SELECT min(customer_id) FROM campaign_members WHERE campaign_id = ? AND status = 'target'",
                Long.class, id);
        jdbc.update("INSERT OR REPLACE INTO consents(customer_id, channel, granted, source, recorded_at) VALUES (?, 'sms', 0, 'reply:T', '2026-01-01 10:00:00')",
                optingOut);
        long targets = jdbc.queryForObject("SELECT targets FROM campaigns WHERE id = ?", Long.class, id);
        Path out = tmp.resolve("outbox.csv");

        Result r = run("campaigns dry-run " + id + " --out " + out);

        assertEquals(0, r.exit(), r.all());
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertEquals("\uFEFFcampaign,customer,channel,to,strategy,purpose,offer,offer_title,subject,text,sms_parts,template", lines.get(0));
        assertEquals(targets - 1, lines.size() - 1, "one customer opted out after planning");
        assertTrue(r.out().contains("refused this channel 1"), r.out());
        // a customer erased (PIPL) after planning gets nothing either
        Long erased = jdbc.queryForObject("SELECT max(customer_id) FROM campaign_members WHERE campaign_id = ? AND status = 'target'",
                Long.class, id);
        String erasedBuyer = jdbc.queryForObject("SELECT buyer_id FROM customers WHERE id = ?", String.class, erased);
        assertEquals(0, run("customers forget " + erasedBuyer + " --yes").exit());
        Result again = run("campaigns dry-run " + id + " --out " + tmp.resolve("again.jsonl"));
        assertTrue(again.out().contains("personal data erased since planning 1"), again.out());
        assertEquals(targets - 2, Files.readAllLines(tmp.resolve("again.jsonl")).size());
        String buyer = jdbc.queryForObject("SELECT buyer_id FROM customers WHERE id = ?", String.class, optingOut);
        assertFalse(String.join("\n", lines).contains("," + buyer + ","), buyer);
        assertTrue(lines.get(1).matches("\\d+,tb\\d+,sms,\\d{3}\\*{4}\\d{4},winback-sleeping,MARKETING,coupon-\\d+,.*,,【暖心小铺】.*,1,winback-sleeping/sms.ftl"),
                lines.get(1));
    }

    @Test
    void listShowAndPreviewDescribeTheStoredCampaign() {
        demoWithSnapshot(600);
        long id = campaignId(run("campaigns plan new-product-trial --holdout 10"));

        Result list = run("campaigns list");
        Result json = run("campaigns list --format json");
        Result show = run("campaigns show " + id);
        Result preview = run("campaigns preview " + id + " --limit 2");

        assertEquals(0, list.exit(), list.all());
        assertTrue(list.out().contains("new-product-trial"), list.out());
        assertTrue(json.out().contains("\"strategy\" : \"new-product-trial\""), json.out());
        assertEquals(0, show.exit(), show.all());
        assertTrue(show.out().contains("trial") && show.out().contains("新品试用装"), show.out());
        assertTrue(show.out().contains("snapshot"), show.out());
        dev.rekindle.support.ScreenWidth.assertFits(show.out(), 120);
        assertTrue(!show.out().contains("{\""), "settings as key=value, not raw JSON: " + show.out());
        assertEquals(0, preview.exit(), preview.all());
        assertEquals(2, preview.out().split("\n  tb", -1).length - 1, preview.out());
    }
}
