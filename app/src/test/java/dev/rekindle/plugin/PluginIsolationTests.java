package dev.rekindle.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rekindle.api.Channel;
import dev.rekindle.api.OutboundMessage;
import dev.rekindle.api.Purpose;
import dev.rekindle.shop.ShopProfile;
import dev.rekindle.support.PluginJars;
import dev.rekindle.support.StrategiesPlugin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.PluginState;
import org.springframework.core.env.StandardEnvironment;

/**
 * Real broken plugin jars next to healthy ones, loaded by the app's real plugin manager: each problem is
 * named with the plugin's id and the reason, and the healthy plugins keep working.
 */
class PluginIsolationTests {

    /** A channel {@code id}, in package {@code pkg}. */
    static String channel(String pkg, String id) {
        return """
                package %s;

                import dev.rekindle.api.*;
                import org.pf4j.Extension;

                @Extension
                public class TheChannel implements Channel {
                    public String id() { return "%s"; }
                    public String title() { return "%s channel"; }
                    public ChannelTraits traits() { return ChannelTraits.simple(ContactKind.MOBILE); }
                    public DeliveryResult deliver(OutboundMessage m) { return DeliveryResult.accepted("%s:" + m.text()); }
                }
                """.formatted(pkg, id, id, id);
    }

    static Map<String, String> manifest(String id, String version, String... more) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Plugin-Id", id);
        m.put("Plugin-Version", version);
        for (int i = 0; i < more.length; i += 2) m.put(more[i], more[i + 1]);
        return m;
    }

    @TempDir
    Path tmp;

    Path plugins;

    private Path folder() throws Exception {
        plugins = Files.createDirectories(tmp.resolve("plugins"));
        return plugins;
    }

    private RekindlePluginManager start() {
        RekindlePluginManager manager = new RekindlePluginManager(plugins, "0.1.0-SNAPSHOT");
        manager.loadAndStart();
        return manager;
    }

    private PluginExtensions extensions(RekindlePluginManager manager) {
        return new PluginExtensions(manager, new PluginSettings(new StandardEnvironment()), List.of(),
                tmp.resolve("data").toString(), new ShopProfile("小店", "小店", ZoneId.of("Asia/Shanghai"), Clock.systemUTC()));
    }

    private static Map<String, RekindlePluginManager.Problem> problems(RekindlePluginManager m) {
        return m.problems().stream().collect(Collectors.toMap(p -> p.pluginId() + "/" + p.state() + "/" + p.version(),
                p -> p, (a, b) -> a, LinkedHashMap::new));
    }

    private static String send(Channel c) {
        return c.deliver(new OutboundMessage("k", 1, "c", "13800000000", null, "hi", null, Purpose.CARE, Map.of())).providerId();
    }

    @Test
    void aPluginWithAMissingDependencyFailsAloneAndTheOthersStart() throws Exception {
        PluginJars.build(folder(), "good.jar", manifest("good", "1.0.0"), Map.of("test.good.TheChannel", channel("test.good", "good")));
        StrategiesPlugin.installInto(plugins);
        PluginJars.build(plugins, "needy.jar", manifest("needy", "1.0.0", "Plugin-Dependencies", "channel-not-installed"),
                Map.of("test.needy.TheChannel", channel("test.needy", "needy")));

        RekindlePluginManager m = start();
        PluginExtensions x = extensions(m);

        assertEquals(PluginState.STARTED, m.getPlugin("good").getPluginState());
        assertEquals(PluginState.STARTED, m.getPlugin("strategies").getPluginState());
        assertEquals(PluginState.FAILED, m.getPlugin("needy").getPluginState());
        RekindlePluginManager.Problem p = problems(m).get("needy/FAILED/1.0.0");
        assertTrue(p.reason().contains("needs plugin 'channel-not-installed', which is not installed"), p.reason());
        assertEquals(List.of("good"), x.channels().stream().map(PluginExtensions.Found::id).toList());
        assertFalse(x.strategies().isEmpty(), "the strategies plugin is fine and its strategies are offered");
        assertEquals("good:hi", send(x.channels().get(0).extension()));
    }

    @Test
    void disabledTxtTakesAPluginOutEvenWhenItsDependencyIsMissing() throws Exception {
        PluginJars.build(folder(), "good.jar", manifest("good", "1.0.0"), Map.of("test.good.TheChannel", channel("test.good", "good")));
        PluginJars.build(plugins, "needy.jar", manifest("needy", "1.0.0", "Plugin-Dependencies", "channel-not-installed"),
                Map.of("test.needy.TheChannel", channel("test.needy", "needy")));
        Files.writeString(plugins.resolve("disabled.txt"), "needy\n");

        RekindlePluginManager m = start();

        assertEquals(PluginState.DISABLED, m.getPlugin("needy").getPluginState());
        assertEquals(PluginState.STARTED, m.getPlugin("good").getPluginState());
        assertTrue(m.problems().isEmpty(), "a disabled plugin is no problem: " + m.problems());
    }

    @Test
    void aPluginNeedingAFailedOneFailsTooWithTheReason() throws Exception {
        PluginJars.build(folder(), "needy.jar", manifest("needy", "1.0.0", "Plugin-Dependencies", "channel-not-installed"),
                Map.of("test.needy.TheChannel", channel("test.needy", "needy")));
        PluginJars.build(plugins, "addon.jar", manifest("addon", "1.0.0", "Plugin-Dependencies", "needy"),
                Map.of("test.addon.TheChannel", channel("test.addon", "addon")));
        PluginJars.build(plugins, "wants-new.jar", manifest("wants-new", "1.0.0", "Plugin-Dependencies", "addon@>=2.0.0"),
                Map.of("test.wantsnew.TheChannel", channel("test.wantsnew", "wantsnew")));
        PluginJars.build(plugins, "good.jar", manifest("good", "1.0.0"), Map.of("test.good.TheChannel", channel("test.good", "good")));

        RekindlePluginManager m = start();

        assertEquals(PluginState.STARTED, m.getPlugin("good").getPluginState());
        assertTrue(problems(m).get("addon/FAILED/1.0.0").reason().contains("needs plugin 'needy', which is failed"), m.problems().toString());
        assertEquals(PluginState.FAILED, m.getPlugin("wants-new").getPluginState());
    }

    @Test
    void aDependencyOfTheWrongVersionIsNamedWithBothVersions() throws Exception {
        PluginJars.build(folder(), "base.jar", manifest("base", "1.0.0"), Map.of("test.base.TheChannel", channel("test.base", "base")));
        PluginJars.build(plugins, "addon.jar", manifest("addon", "1.0.0", "Plugin-Dependencies", "base@>=2.0.0"),
                Map.of("test.addon.TheChannel", channel("test.addon", "addon")));

        RekindlePluginManager m = start();

        assertEquals(PluginState.STARTED, m.getPlugin("base").getPluginState(), "PF4J would drop the dependency, not the dependent");
        String reason = problems(m).get("addon/FAILED/1.0.0").reason();
        assertTrue(reason.contains("'base' >=2.0.0") && reason.contains("version 1.0.0 is installed"), reason);
    }

    @Test
    void aThrowingPluginClassOrExtensionOrAMissingLibraryFailsThatPluginOnly() throws Exception {
        PluginJars.build(folder(), "good.jar", manifest("good", "1.0.0"), Map.of("test.good.TheChannel", channel("test.good", "good")));
        PluginJars.build(plugins, "boom-plugin.jar", manifest("boom-plugin", "1.0.0", "Plugin-Class", "test.boom.BoomPlugin"),
                Map.of("test.boom.BoomPlugin", """
                        package test.boom;
                        public class BoomPlugin extends org.pf4j.Plugin {
                            public BoomPlugin() { throw new IllegalStateException("boom in the constructor"); }
                        }
                        """, "test.boom.TheChannel", channel("test.boom", "boom")));
        PluginJars.build(plugins, "boom-ext.jar", manifest("boom-ext", "1.0.0"), Map.of("test.boomext.TheChannel", """
                package test.boomext;
                import dev.rekindle.api.*;
                @org.pf4j.Extension
                public class TheChannel implements Channel {
                    public TheChannel() { throw new IllegalStateException("no config file in /etc/boom"); }
                    public String id() { return "boomext"; }
                    public String title() { return "t"; }
                    public ChannelTraits traits() { return ChannelTraits.simple(ContactKind.MOBILE); }
                    public DeliveryResult deliver(OutboundMessage m) { return null; }
                }
                """));
        PluginJars.build(plugins, "no-lib.jar", manifest("no-lib", "1.0.0"), Map.of("test.nolib.TheChannel", """
                package test.nolib;
                import dev.rekindle.api.*;
                @org.pf4j.Extension
                public class TheChannel implements Channel {
                    private final test.lib.Json json = new test.lib.Json();
                    public String id() { return "nolib"; }
                    public String title() { return "t"; }
                    public ChannelTraits traits() { return ChannelTraits.simple(ContactKind.MOBILE); }
                    public DeliveryResult deliver(OutboundMessage m) { return null; }
                }
                """, "test.lib.Json", "package test.lib; public class Json { }"), "test.lib");
        PluginJars.build(plugins, "no-title.jar", manifest("no-title", "1.0.0"), Map.of("test.notitle.TheChannel", """
                package test.notitle;
                import dev.rekindle.api.*;
                @org.pf4j.Extension
                public class TheChannel implements Channel {
                    public String id() { return "notitle"; }
                    public String title() { throw new UnsupportedOperationException("later"); }
                    public ChannelTraits traits() { return ChannelTraits.simple(ContactKind.MOBILE); }
                    public DeliveryResult deliver(OutboundMessage m) { return null; }
                }
                """));

        RekindlePluginManager m = start();
        PluginExtensions x = extensions(m);
        Map<String, RekindlePluginManager.Problem> problems = problems(m);

        assertTrue(problems.get("boom-plugin/FAILED/1.0.0").reason().contains("boom in the constructor"), problems.toString());
        String ext = problems.get("boom-ext/FAILED/1.0.0").reason();
        assertTrue(ext.contains("extension TheChannel could not be created") && ext.contains("no config file in /etc/boom"), ext);
        String lib = problems.get("no-lib/FAILED/1.0.0").reason();
        assertTrue(lib.contains("test.lib.Json") && lib.contains("library missing from the plugin jar"), lib);
        String title = problems.get("no-title/FAILED/1.0.0").reason();
        assertTrue(title.contains("failed in title()") && title.contains("later"), title);
        assertEquals(List.of("good"), x.channels().stream().map(PluginExtensions.Found::id).toList());
        assertEquals(List.of("good"), m.usableIds().stream().toList());
    }

    @Test
    void twoPluginsClaimingOneChannelIdAreBothUnusedAndNamed() throws Exception {
        PluginJars.build(folder(), "ding-a.jar", manifest("ding-a", "1.0.0"), Map.of("test.a.TheChannel", channel("test.a", "dingtalk")));
        PluginJars.build(plugins, "ding-b.jar", manifest("ding-b", "1.0.0"), Map.of("test.b.TheChannel", channel("test.b", "dingtalk"),
                "test.b2.TheChannel", channel("test.b2", "other")));

        RekindlePluginManager m = start();
        PluginExtensions x = extensions(m);

        assertEquals(List.of("other"), x.channels().stream().map(PluginExtensions.Found::id).toList(),
                "neither dingtalk is used; ding-b's other channel still is");
        assertTrue(m.conflicts().get("ding-a").get(0).contains("channel 'dingtalk' is also declared by plugin ding-b: neither is used"),
                m.conflicts().toString());
        assertTrue(m.conflicts().get("ding-b").get(0).contains("plugin ding-a"), m.conflicts().toString());
    }

    @Test
    void ofTwoVersionsOfOnePluginTheNewestRunsAndTheOlderIsListed() throws Exception {
        // the older file sorts last, so load order alone would not pick the newest
        PluginJars.build(folder(), "ding-1.10.0.jar", manifest("ding", "1.10.0"), Map.of("test.v10.TheChannel", channel("test.v10", "ding")));
        PluginJars.build(plugins, "ding-1.9.0.jar", manifest("ding", "1.9.0"), Map.of("test.v9.TheChannel", channel("test.v9", "ding")));

        RekindlePluginManager m = start();
        PluginExtensions x = extensions(m);

        assertEquals("1.10.0", m.getPlugin("ding").getDescriptor().getVersion());
        assertEquals(PluginState.STARTED, m.getPlugin("ding").getPluginState());
        RekindlePluginManager.Problem old = problems(m).get("ding/SUPERSEDED/1.9.0");
        assertTrue(old.reason().contains("version 1.10.0 (ding-1.10.0.jar) runs instead"), old.toString());
        assertEquals("ding:hi", send(x.channels().get(0).extension()));
    }

    @Test
    void aPluginRequiringANewerApiIsRefusedNamingBothVersions() throws Exception {
        PluginJars.build(folder(), "future.jar", manifest("future", "1.0.0", "Plugin-Requires", ">=0.2.0 & <1.0.0"),
                Map.of("test.future.TheChannel", channel("test.future", "future")));
        PluginJars.build(plugins, "current.jar", manifest("current", "1.0.0", "Plugin-Requires", ">=0.1.0-SNAPSHOT & <1.0.0"),
                Map.of("test.current.TheChannel", channel("test.current", "current")));
        PluginJars.build(plugins, "ancient.jar", manifest("ancient", "1.0.0", "Plugin-Requires", "<0.1.0"),
                Map.of("test.ancient.TheChannel", channel("test.ancient", "ancient")));

        RekindlePluginManager m = start();

        String reason = problems(m).get("future/FAILED/1.0.0").reason();
        assertTrue(reason.contains("needs plugin API >=0.2.0 & <1.0.0, but this Rekindle offers API 0.1.0"), reason);
        assertTrue(reason.contains("update Rekindle"), reason);
        assertTrue(problems(m).get("ancient/FAILED/1.0.0").reason().contains("too old"), m.problems().toString());
        assertEquals(PluginState.STARTED, m.getPlugin("current").getPluginState(), "a snapshot API satisfies its release's range");
        assertEquals("0.1.0", m.getSystemVersion());
    }

    @Test
    void pluginsBuiltAgainstAnOlderOrNewerApiFailAloneWithAHint() throws Exception {
        // older API: Channel had no title(); the host's calls it → AbstractMethodError
        PluginJars.build(folder(), "old-api.jar", manifest("old-api", "1.0.0"), Map.of(
                "dev.rekindle.api.Channel", """
                        package dev.rekindle.api;
                        public interface Channel extends org.pf4j.ExtensionPoint {
                            String id();
                            ChannelTraits traits();
                            DeliveryResult deliver(OutboundMessage message);
                        }
                        """,
                "test.old.TheChannel", """
                        package test.old;
                        import dev.rekindle.api.*;
                        @org.pf4j.Extension
                        public class TheChannel implements Channel {
                            public String id() { return "old"; }
                            public ChannelTraits traits() { return ChannelTraits.simple(ContactKind.MOBILE); }
                            public DeliveryResult deliver(OutboundMessage m) { return null; }
                        }
                        """));
        // newer API: a contact kind this host does not know → NoSuchFieldError in traits()
        PluginJars.build(plugins, "new-api.jar", manifest("new-api", "1.0.0"), Map.of(
                "dev.rekindle.api.ContactKind", "package dev.rekindle.api; public enum ContactKind { MOBILE, EMAIL, WECHAT, GROUP, LINE }",
                "test.line.TheChannel", """
                        package test.line;
                        import dev.rekindle.api.*;
                        @org.pf4j.Extension
                        public class TheChannel implements Channel {
                            public String id() { return "line"; }
                            public String title() { return "LINE"; }
                            public ChannelTraits traits() { return ChannelTraits.simple(ContactKind.LINE); }
                            public DeliveryResult deliver(OutboundMessage m) { return null; }
                        }
                        """));
        PluginJars.build(plugins, "good.jar", manifest("good", "1.0.0"), Map.of("test.good.TheChannel", channel("test.good", "good")));

        RekindlePluginManager m = start();
        PluginExtensions x = extensions(m);

        String old = problems(m).get("old-api/FAILED/1.0.0").reason();
        assertTrue(old.contains("AbstractMethodError") && old.contains("built against another plugin API"), old);
        String line = problems(m).get("new-api/FAILED/1.0.0").reason();
        assertTrue(line.contains("NoSuchFieldError") && line.contains("LINE") && line.contains("built against another plugin API"), line);
        assertEquals(List.of("good"), x.channels().stream().map(PluginExtensions.Found::id).toList());
    }

    @Test
    void aFileThatIsNoPluginIsListedAndTheRestRun() throws Exception {
        PluginJars.build(folder(), "good.jar", manifest("good", "1.0.0"), Map.of("test.good.TheChannel", channel("test.good", "good")));
        Path broken = PluginJars.notAPlugin(plugins, "broken");

        RekindlePluginManager m = start();

        assertEquals(PluginState.STARTED, m.getPlugin("good").getPluginState());
        assertTrue(m.problems().stream().anyMatch(p -> p.state().equals("NOT LOADED") && broken.equals(p.file())), m.problems().toString());
    }
}
