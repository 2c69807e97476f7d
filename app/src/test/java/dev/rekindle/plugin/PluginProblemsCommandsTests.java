package dev.rekindle.plugin;

import static dev.rekindle.plugin.PluginIsolationTests.channel;
import static dev.rekindle.plugin.PluginIsolationTests.manifest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rekindle.support.PluginJars;
import dev.rekindle.support.ShellTestSupport;
import dev.rekindle.support.StrategiesPlugin;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

/**
 * What the operator sees with broken plugins installed beside healthy ones: {@code plugins list} and
 * {@code status} name each problem with the plugin's id and why; channels and strategies of the healthy
 * plugins keep working; declared settings are shown with secrets masked.
 */
@TestPropertySource(properties = {"rekindle.plugins.hook.token=tok-SECRET-123456", "rekindle.plugins.hook.url=http://127.0.0.1:1/hook",
        "rekindle.plugins.kaboom.api-secret=ZXCV-SECRET-9876", "rekindle.plugins.hook.crm-token=CRM-SECRET-4242"})
class PluginProblemsCommandsTests extends ShellTestSupport {

    static final String HOOK_CHANNEL = """
            package test.hook;

            import dev.rekindle.api.*;
            import java.util.*;
            import org.pf4j.Extension;

            @Extension
            public class HookChannel implements Channel {
                private Map<String, String> settings = Map.of();
                public String id() { return "hook"; }
                public String title() { return "a webhook"; }
                public ChannelTraits traits() { return ChannelTraits.simple(ContactKind.MOBILE); }
                public List<Setting> declaredSettings() {
                    return List.of(
                        Setting.named("url").description("where to post").required().build(),
                        Setting.named("token").description("bearer token").required().secret().build(),
                        Setting.named("robot-name").description("shown to customers").required().build(),
                        Setting.named("timeout-seconds").defaultValue("10").build());
                }
                public void configure(Map<String, String> s) { settings = s; }
                public DeliveryResult deliver(OutboundMessage m) { return DeliveryResult.accepted(settings.get("timeout-seconds")); }
            }
            """;

    /** Its exception says the full number and the secret, as a careless plugin's would. */
    static final String KABOOM_CHANNEL = """
            package test.kaboom;

            import dev.rekindle.api.*;
            import java.util.*;
            import org.pf4j.Extension;

            @Extension
            public class KaboomChannel implements Channel {
                private String secret;
                public String id() { return "kaboom"; }
                public String title() { return "breaks"; }
                public ChannelTraits traits() { return ChannelTraits.simple(ContactKind.MOBILE); }
                public List<Setting> declaredSettings() { return List.of(Setting.named("api-secret").secret().build()); }
                public void configure(Map<String, String> s) { secret = s.get("api-secret"); }
                public DeliveryResult deliver(OutboundMessage m) {
                    throw new IllegalStateException("kaboom sending to " + m.recipient() + " with key " + secret);
                }
            }
            """;

    static final String QUIET_STRATEGY = """
            package test.hook;

            import dev.rekindle.api.*;
            import java.util.*;
            import org.pf4j.Extension;

            @Extension
            public class QuietVips implements Strategy {
                public String id() { return "quiet-vips"; }
                public String title() { return "high-AOV customers gone silent"; }
                public Purpose purpose() { return Purpose.CARE; }
                public String targets() { return "VIPs silent for 60 days"; }
                public List<String> channels() { return List.of("hook"); }
                public List<Setting> declaredSettings() {
                    return List.of(Setting.named("min-aov").description("average order value in yuan").defaultValue("300").build(),
                            Setting.named("crm-token").secret().build());
                }
                public Optional<Decision> decide(CustomerView c, PlanContext p) { return Optional.empty(); }
            }
            """;

    @Value("${rekindle.plugins.dir}")
    Path pluginsDir;


    private static boolean installed;

    @BeforeEach
    void install() {
        if (installed) return;
        installed = true;
        StrategiesPlugin.installInto(pluginsDir);
        PluginJars.build(pluginsDir, "hook.jar", manifest("hook", "1.0.0"), Map.of("test.hook.HookChannel", HOOK_CHANNEL,
                "test.hook.QuietVips", QUIET_STRATEGY));
        PluginJars.build(pluginsDir, "needy.jar", manifest("needy", "1.0.0", "Plugin-Dependencies", "channel-not-installed"),
                Map.of("test.needy.TheChannel", channel("test.needy", "needy")));
        PluginJars.build(pluginsDir, "ding-a.jar", manifest("ding-a", "1.0.0"), Map.of("test.a.TheChannel", channel("test.a", "dingtalk")));
        PluginJars.build(pluginsDir, "ding-b.jar", manifest("ding-b", "1.0.0"), Map.of("test.b.TheChannel", channel("test.b", "dingtalk")));
        PluginJars.build(pluginsDir, "future.jar", manifest("future", "2.0.0", "Plugin-Requires", ">=9.0.0"),
                Map.of("test.future.TheChannel", channel("test.future", "future")));
        PluginJars.build(pluginsDir, "kaboom.jar", manifest("kaboom", "1.0.0"), Map.of("test.kaboom.KaboomChannel", KABOOM_CHANNEL));
        PluginJars.build(pluginsDir, "hook-0.9.0.jar", manifest("hook", "0.9.0"), Map.of("test.hook.HookChannel", HOOK_CHANNEL));
    }

    @Test
    void pluginsListAndStatusNameEveryProblemWhileTheRestWorks() {
        Result list = run("plugins list");

        assertEquals(0, list.exit(), list.all());
        String out = list.out().replaceAll("\\s+", " "); // long problems wrap within their column to fit 120
        assertTrue(out.matches("(?s).*strategies\\s+0\\.1\\.0\\s+STARTED.*"), out);
        assertTrue(out.matches("(?s).*needy\\s+1\\.0\\.0\\s+FAILED\\s+TheChannel\\s+needy\\.jar\\s+needs plugin 'channel-not-installed', which is not installed.*"), out);
        assertTrue(out.matches("(?s).*ding-a\\s+1\\.0\\.0\\s+CONFLICT\\s+TheChannel\\s+ding-a\\.jar\\s+channel 'dingtalk' is also declared by plugin ding-b.*"), out);
        assertTrue(out.matches("(?s).*future\\s+2\\.0\\.0\\s+FAILED\\s+TheChannel\\s+future\\.jar\\s+needs plugin API >=9\\.0\\.0, but this Rekindle offers API \\d+\\.\\d+\\.\\d+.*"), out);
        assertTrue(out.matches("(?s).*hook\\s+0\\.9\\.0\\s+SUPERSEDED\\s+hook-0\\.9\\.0\\.jar\\s+version 1\\.0\\.0 \\(hook\\.jar\\) runs instead.*"), out);

        Result status = run("status");
        assertEquals(0, status.exit(), status.all());
        assertTrue(status.out().contains("needy 1.0.0 (FAILED)") && status.out().contains("ding-b 1.0.0 (CONFLICT)"), status.out());
        assertTrue(status.out().contains("FAILED needy: needs plugin 'channel-not-installed'"), status.out());
        // six plugins and their states: the plugins line is wrapped to the screen, each plugin whole on one line
        status.out().lines().forEach(l -> assertTrue(dev.rekindle.console.TextWidth.of(l) <= dev.rekindle.console.Table.SCREEN, l));

        Result strategies = run("strategies list");
        assertEquals(0, strategies.exit(), strategies.all());
        assertTrue(strategies.out().contains("winback-silent"), "the strategies plugin is fine: " + strategies.out());
        Result unknown = run("strategies show no-such-strategy");
        assertFalse(unknown.all().contains("the strategies plugin is missing"), unknown.all());

        Result channels = run("channels list");
        assertEquals(0, channels.exit(), channels.all());
        assertTrue(channels.out().contains("hook") && channels.out().contains("file"), channels.out());
        assertFalse(channels.out().contains("dingtalk"), "a conflicting id is used by nobody: " + channels.out());
    }

    @Test
    void pluginsListAndChannelsListFitA120ColumnTerminal() {
        Result plugins = run("plugins list");
        Result channels = run("channels list");

        dev.rekindle.support.ScreenWidth.assertFits(plugins.out(), 120);
        dev.rekindle.support.ScreenWidth.assertFits(channels.out(), 120);
        // wrapped, not cut: the longest problem is still all there
        assertTrue(plugins.out().replaceAll("\\s+", " ").contains("which is not installed"), plugins.out());
    }

    @Test
    void channelsShowListsDeclaredSettingsWithSecretsMaskedAndRequiredOnesKeepItFromSending() {
        Result show = run("channels show hook");

        assertEquals(0, show.exit(), show.all());
        String out = show.out();
        assertFalse(out.contains("tok-SECRET-123456"), out);
        assertTrue(out.matches("(?s).*token\\s+\\*\\*\\*\\*\\s+\\S+.*yes\\s+bearer token.*"), out);
        assertTrue(out.contains("or the environment variable REKINDLE_PLUGINS_HOOK_<NAME>"), out);
        dev.rekindle.support.ScreenWidth.assertFits(out, 120);
        assertTrue(out.matches("(?s).*url\\s+http://127\\.0\\.0\\.1:1/hook\\s.*"), out);
        assertTrue(out.matches("(?s).*timeout-seconds\\s+10\\s+default.*"), out);
        assertTrue(out.matches("(?s).*robot-name\\s+\\(missing\\).*"), out);
        assertTrue(out.contains("missing robot-name"), "not ready while a required setting is missing: " + out);

        Result test = run("channels test hook --to 13812345678");
        assertEquals(1, test.exit(), test.all());
        assertTrue(test.all().contains("missing robot-name"), test.all());
    }

    @Test
    void aPluginsExceptionReachesTheScreenWithoutTheNumberOrTheSecret() {
        Result r = run("channels test kaboom --to 13299694916");

        assertEquals(1, r.exit(), r.all());
        assertTrue(r.all().contains("kaboom sending to 132****4916"), r.all());
        assertFalse(r.all().contains("13299694916") || r.all().contains("ZXCV-SECRET-9876"), r.all());
        // the log file's layout is tested with the real logback-spring.xml in RedactedLogTests (tests log to the console)
    }

    @Test
    void strategiesShowListsTheDeclaredSettingsWithSecretsMasked() {
        Result r = run("strategies show quiet-vips");

        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().matches("(?s).*min-aov\\s+300\\s+REKINDLE_PLUGINS_HOOK_MIN_AOV\\s+average order value in yuan.*"), r.out());
        assertTrue(r.out().matches("(?s).*crm-token\\s+\\*\\*\\*\\*\\s+REKINDLE_PLUGINS_HOOK_CRM_TOKEN.*"), r.out());
        assertFalse(r.out().contains("CRM-SECRET-4242"), r.out());
    }
}
