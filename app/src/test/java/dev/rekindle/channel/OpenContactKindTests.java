package dev.rekindle.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rekindle.support.CampaignTestSupport;
import dev.rekindle.support.PluginJars;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * A channel plugin with a contact kind the host has never heard of ({@code line}), built as a real jar: the
 * shop imports its customers' LINE ids in a {@code contact:line} column, and a campaign reaches them through
 * the plugin with no host change. Its second channel's kind ({@code dingtalk}) has no addresses yet: listed
 * with no reachable customers, not an error.
 */
@TestPropertySource(properties = {"rekindle.delivery.quiet-hours=none", "rekindle.delivery.caps.marketing=100/1d",
        "rekindle.delivery.caps.care=100/1d", "rekindle.delivery.marketing-consent.line=unless-refused"})
class OpenContactKindTests extends CampaignTestSupport {

    /** Posts nothing anywhere: writes "address<TAB>text" per message to the file its setting names. */
    static final String LINE_CHANNEL = """
            package test.line;

            import dev.rekindle.api.*;
            import java.nio.charset.StandardCharsets;
            import java.nio.file.*;
            import java.util.*;
            import org.pf4j.Extension;

            @Extension
            public class LineChannel implements Channel {
                private Path out;
                public String id() { return "line"; }
                public String title() { return "LINE official account"; }
                public ChannelTraits traits() { return ChannelTraits.simple(ContactKind.of("line")); }
                public List<Setting> declaredSettings() { return List.of(Setting.named("out").required().build()); }
                public void configure(Map<String, String> s) { out = Path.of(s.get("out")); }
                public synchronized DeliveryResult deliver(OutboundMessage m) {
                    try {
                        Files.writeString(out, m.recipient() + "\\t" + m.text().strip() + "\\n", StandardCharsets.UTF_8,
                                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                        return DeliveryResult.accepted("line-" + m.idempotencyKey());
                    } catch (java.io.IOException e) {
                        return DeliveryResult.transientFailure("io", e.getMessage(), null);
                    }
                }
            }
            """;

    static final String DINGTALK_CHANNEL = """
            package test.line;

            import dev.rekindle.api.*;
            import org.pf4j.Extension;

            @Extension
            public class DingTalkUserChannel implements Channel {
                public String id() { return "dingtalk-user"; }
                public String title() { return "DingTalk work notice"; }
                public ChannelTraits traits() { return ChannelTraits.simple(ContactKind.of("dingtalk")); }
                public DeliveryResult deliver(OutboundMessage m) { return DeliveryResult.accepted("d"); }
            }
            """;

    /** Where the LINE plugin writes what it "sends" (its setting; a fresh file per test run). */
    static final Path SENT = sentFile();

    private static Path sentFile() {
        try {
            return Files.createTempDirectory("rekindle-line").resolve("line-sent.txt");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void lineOut(DynamicPropertyRegistry registry) {
        registry.add("rekindle.plugins.line.out", SENT::toString);
    }

    @Autowired
    JdbcClient jdbc;

    @Value("${rekindle.plugins.dir}")
    Path pluginsDir;

    @Value("${rekindle.home}")
    Path home;

    private static boolean installed;

    @BeforeEach
    void installLinePlugin() {
        if (installed) return;
        installed = true;
        PluginJars.build(pluginsDir, "channel-line.jar", Map.of("Plugin-Id", "line", "Plugin-Version", "1.0.0"), Map.of(
                "test.line.LineChannel", LINE_CHANNEL,
                "test.line.DingTalkUserChannel", DINGTALK_CHANNEL,
                // the plugin's default template for the strategy used below (the shop has none of its own)
                "templates/winback-silent/line.ftl", "${customer.salutation}，好久不见，回来看看吧"));
    }

    /** Every other demo customer gets a LINE id; returns buyer id → LINE id. */
    private Map<String, String> importLineIds(Path file) throws Exception {
        List<String> buyers = jdbc.sql("SELECT buyer_id FROM customers WHERE erased_at IS NULL ORDER BY id")
                .query(String.class).list();
        Map<String, String> lineIds = new HashMap<>();
        StringBuilder csv = new StringBuilder("customer_id,contact:line\n");
        for (int i = 0; i < buyers.size(); i += 2) {
            String lineId = String.format("U4af49806%023d", i);
            lineIds.put(buyers.get(i), lineId);
            csv.append(buyers.get(i)).append(',').append(lineId).append('\n');
        }
        Files.writeString(file, csv);
        Result r = run("customers import " + file);
        assertEquals(0, r.exit(), r.all());
        assertThat(r.out()).contains("contact:line");
        return lineIds;
    }

    @Test
    void aPluginChannelOfANewKindReachesTheAddressesTheShopImported() throws Exception {
        demoWithSnapshot(600);
        Map<String, String> lineIds = importLineIds(home.resolve("line-ids.csv"));

        Result channels = run("channels list --format csv");
        assertEquals(0, channels.exit(), channels.all());
        assertThat(channels.out()).startsWith("id,plugin,contact,ready,").contains(",title,reachable");
        assertThat(channels.out().lines()).anyMatch(l -> l.startsWith("line,line,line,yes,") && l.endsWith("," + lineIds.size()))
                .as("a kind without addresses is listed with nobody reachable, not an error")
                .anyMatch(l -> l.startsWith("dingtalk-user,line,dingtalk,yes,") && l.endsWith(",0"));

        Result strategy = run("strategies show winback-silent");
        assertEquals(0, strategy.exit(), strategy.all());
        assertThat(strategy.out()).as("the plugin jar's template is listed with where it comes from")
                .contains("line ✓ (plugin line's jar)").contains("sms ✓");
        Result templates = run("templates list --format csv");
        assertEquals(0, templates.exit(), templates.all());
        assertThat(templates.out()).contains("winback-silent/line.ftl,line,default,winback-silent,MARKETING,plugin:line")
                .contains("winback-silent/sms.ftl,sms,default,winback-silent,MARKETING,templates");
        Result validate = run("templates validate winback-silent/line");
        assertEquals(0, validate.exit(), "the jar's template renders for real customers: " + validate.all());
        assertThat(validate.all()).contains("winback-silent/line.ftl");

        Result plan = run("campaigns plan winback-silent --channel line --holdout 0");
        assertEquals(0, plan.exit(), plan.all());
        long id = jdbc.sql("SELECT max(id) FROM campaigns").query(Long.class).single();
        Map<String, String> targetsAddress = new HashMap<>();
        jdbc.sql("""
                SELECT c.buyer_id, k.address FROM campaign_members m JOIN customers c ON c.id = m.customer_id
                LEFT JOIN customer_contacts k ON k.customer_id = c.id AND k.kind = 'line'
                WHERE m.campaign_id = ? AND m.status = 'target'""").param(id)
                .query(rs -> {
                    targetsAddress.put(rs.getString(1), rs.getString(2));
                });
        assertThat(targetsAddress).isNotEmpty();
        assertThat(targetsAddress.values()).as("only customers with a LINE id are targets").doesNotContainNull();
        long noContact = jdbc.sql("SELECT count(*) FROM campaign_members WHERE campaign_id = ? AND status = 'skipped' AND reason = 'no-contact'")
                .param(id).query(Long.class).single();
        assertThat(noContact).as("the guard's no-contact rule skips those without one").isPositive();

        Result preview = run("campaigns preview " + id + " --limit 3");
        assertEquals(0, preview.exit(), preview.all());
        assertThat(preview.out()).contains("U4***").contains("好久不见");
        targetsAddress.values().forEach(a -> assertThat(preview.out()).as("dry runs show an unknown kind's address masked")
                .doesNotContain(a));

        Result sent = run("campaigns send " + id + " --yes");
        assertEquals(0, sent.exit(), sent.all());
        List<String> received = Files.readAllLines(SENT);
        assertThat(received.stream().map(l -> l.split("\t")[0]).collect(Collectors.toSet()))
                .as("the plugin got each target's imported LINE id, once").containsExactlyInAnyOrderElementsOf(targetsAddress.values())
                .hasSize(received.size());
        assertThat(received).allMatch(l -> l.endsWith("好久不见，回来看看吧"), "rendered from the plugin jar's template");
        assertEquals(received.size(), jdbc.sql("SELECT count(*) FROM deliveries WHERE campaign_id = ? AND state = 'sent'")
                .param(id).query(Long.class).single());
    }

    @Test
    void forgettingACustomerErasesTheirAddressesOfEveryKind() throws Exception {
        demoWithSnapshot(50);
        Map<String, String> lineIds = importLineIds(home.resolve("line-ids-forget.csv"));
        String buyer = lineIds.keySet().iterator().next();

        Result show = run("customers show " + buyer);
        assertThat(show.out()).contains("line").contains("U4***").doesNotContain(lineIds.get(buyer));

        Result forget = run("customers forget " + buyer + " --yes");
        assertEquals(0, forget.exit(), forget.all());
        assertThat(forget.out()).contains("1 address(es) of other contact kinds");
        assertEquals(0, jdbc.sql("SELECT count(*) FROM customer_contacts WHERE address = ?").param(lineIds.get(buyer))
                .query(Long.class).single());
        assertEquals(lineIds.size() - 1, jdbc.sql("SELECT count(*) FROM customer_contacts").query(Long.class).single(),
                "the others keep theirs");
    }

    @Test
    void aMalformedContactColumnIsRefusedWithFileColumnAndFixAndNothingChanges() throws Exception {
        demoWithSnapshot(20);
        String buyer = jdbc.sql("SELECT buyer_id FROM customers ORDER BY id LIMIT 1").query(String.class).single();
        long before = jdbc.sql("SELECT count(*) FROM customer_contacts").query(Long.class).single();

        Path bad = home.resolve("bad-kind.csv");
        Files.writeString(bad, "customer_id,name,contact:LINE ID\n" + buyer + ",改了名字,U123\n");
        Result r = run("customers import " + bad);
        assertThat(r.exit()).isNotZero();
        assertThat(r.all()).contains("bad-kind.csv line 1, column 3 'contact:LINE ID'", "not a contact kind", "e.g. contact:line");

        Path known = home.resolve("known-kind.csv");
        Files.writeString(known, "customer_id,contact:mobile\n" + buyer + ",13800001111\n");
        Result k = run("customers import " + known);
        assertThat(k.exit()).isNotZero();
        assertThat(k.all()).contains("known-kind.csv line 1, column 2 'contact:mobile'", "rename it to mobile");

        assertEquals(before, jdbc.sql("SELECT count(*) FROM customer_contacts").query(Long.class).single());
        assertThat(jdbc.sql("SELECT name FROM customers WHERE buyer_id = ?").param(buyer).query(String.class).single())
                .as("the database is as it was").isNotEqualTo("改了名字");
    }
}
