package dev.rekindle.plugintest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rekindle.api.Setting;
import dev.rekindle.api.Strategy;
import dev.rekindle.plugin.PluginExtensions;
import dev.rekindle.plugin.PluginSettings;
import dev.rekindle.plugin.RekindlePluginManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.pf4j.PluginState;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The contract suite for a strategy plugin: the jar in a real Rekindle host on a temporary database filled
 * with the demo shop. A plugin author extends this class:
 *
 * <pre>
 * class QuietVipsKitIT extends StrategyKit {
 *     &#64;Override
 *     protected StrategyUnderTest strategy() {
 *         return StrategyUnderTest.strategy("quiet-vips");
 *     }
 * }
 * </pre>
 *
 * It proves: the plugin starts and its strategy takes its settings; every setting it looks up by name is
 * declared and {@code strategies show} lists them; it plans on the demo shop without error; and its occasion key
 * is stable (planned again the same day, each customer has the same occasion, so nobody is contacted
 * twice for one occasion).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public abstract class StrategyKit {

    /** The strategy under test. */
    protected abstract StrategyUnderTest strategy();

    private StrategyUnderTest setup;
    private KitHost host;
    private Path home;
    private String pluginId;

    @BeforeAll
    void startHost() throws IOException {
        setup = strategy();
        Path jar = setup.jar();
        try (JarFile f = new JarFile(jar.toFile())) {
            pluginId = f.getManifest() == null ? null : f.getManifest().getMainAttributes().getValue("Plugin-Id");
        }
        assertNotNull(pluginId, jar + " has no Plugin-Id in its manifest: is it a plugin jar?");
        Map<String, String> props = new LinkedHashMap<>();
        setup.settings().forEach((k, v) -> props.put(PluginSettings.PREFIX + pluginId + "." + k, v));
        home = Files.createTempDirectory("rekindle-plugin-test");
        props.put("rekindle.templates.dir", setup.templates() != null ? setup.templates().toAbsolutePath().normalize().toString()
                : home.resolve("templates").toString());
        host = KitHost.create(home, jar, props);
    }

    @AfterAll
    void stopHost() throws IOException {
        if (host != null) host.close();
        if (home != null) {
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The host running the plugin, for checks of your own. */
    protected KitHost host() {
        return host;
    }

    @Test
    @Order(1)
    void thePluginStartsAndItsStrategyTakesItsSettings() {
        RekindlePluginManager plugins = host.bean(RekindlePluginManager.class);
        List<RekindlePluginManager.Problem> problems = plugins.problems().stream().filter(p -> !"?".equals(p.pluginId())).toList();
        assertTrue(problems.isEmpty(), "the host reports problems with the plugin: " + problems);
        assertNotNull(plugins.getPlugin(pluginId), "plugin " + pluginId + " is not loaded; load failures: " + plugins.loadFailures());
        assertEquals(PluginState.STARTED, plugins.getPlugin(pluginId).getPluginState(), "plugin " + pluginId);
        assertNull(host.bean(PluginExtensions.class).settingsErrors().get(pluginId), "the strategy rejected its settings");
        found();
    }

    @Test
    @Order(2)
    void everySettingTheStrategyLooksUpIsDeclared() {
        PluginExtensions.Found<Strategy> found = found();
        Set<String> declared = found.declared().stream().map(Setting::name).collect(Collectors.toCollection(TreeSet::new));
        ReadRecorder recorder = new ReadRecorder(host.bean(PluginSettings.class).forPlugin(pluginId, found.declared()));
        found.extension().configure(recorder);
        Set<String> undeclared = new TreeSet<>(recorder.lookedUp());
        undeclared.removeAll(declared);
        assertTrue(undeclared.isEmpty(), "strategy " + setup.strategyId() + " reads settings it does not declare: " + undeclared
                + " (declare them in declaredSettings(), so that strategies show lists them)");
        for (Setting s : found.declared()) {
            assertFalse(s.description() == null || s.description().isBlank(), "setting " + s.name() + " has no description");
        }
    }

    @Test
    @Order(3)
    void strategiesShowListsItsSettings() {
        KitHost.Result show = host.run(List.of("strategies", "show", setup.strategyId()));
        assertEquals(0, show.exit(), show.all());
        for (Setting s : found().declared()) {
            assertTrue(show.out().contains(s.name()), "strategies show does not list setting " + s.name() + ":\n" + show.out());
        }
    }

    @Test
    @Order(4)
    void itPlansOnTheDemoShopAndItsOccasionKeyIsStable() {
        KitHost.Result demo = host.run(List.of("demo", "reset", "--customers", String.valueOf(setup.customers()), "--yes"));
        assertEquals(0, demo.exit(), demo.all());
        KitHost.Result segments = host.run(List.of("segments", "refresh"));
        assertEquals(0, segments.exit(), segments.all());
        KitHost.Result first = host.run(List.of("campaigns", "plan", setup.strategyId(), "--holdout", "0", "--channel", setup.channel()));
        assertEquals(0, first.exit(), "campaigns plan " + setup.strategyId() + " on the demo shop:\n" + first.all());
        Long a = lastCampaign();
        JdbcClient jdbc = host.bean(JdbcClient.class);
        long targets = a == null ? 0 : jdbc.sql("SELECT count(*) FROM campaign_members WHERE campaign_id = ? AND status = 'target'")
                .param(a).query(Long.class).single();
        Assumptions.assumeTrue(targets > 0, "nobody is eligible on the demo shop, so the occasion key is not tested:\n" + first.out());
        // planned again the same day: a stable occasion key makes every customer of the first plan "already contacted
        // for this occasion"; an unstable one would plan them again
        KitHost.Result second = host.run(List.of("campaigns", "plan", setup.strategyId(), "--holdout", "0", "--channel", setup.channel(),
                "--again"));
        assertEquals(0, second.exit(), "campaigns plan " + setup.strategyId() + " --again:\n" + second.all());
        Long b = lastCampaign();
        if (b == null || b.equals(a)) return; // nobody planned twice: nothing was left to plan
        List<String> changed = jdbc.sql("""
                SELECT x.customer_id || ': ' || x.occasion || ' then ' || y.occasion FROM campaign_members x
                JOIN campaign_members y ON y.customer_id = x.customer_id
                WHERE x.campaign_id = ? AND y.campaign_id = ? AND x.occasion <> y.occasion LIMIT 5""")
                .params(a, b).query(String.class).list();
        assertTrue(changed.isEmpty(), "occasionKey(…) differs between two plans of the same day, so a customer could be contacted "
                + "twice for one occasion: " + changed);
        long twice = jdbc.sql("""
                SELECT count(*) FROM campaign_members x JOIN campaign_members y ON y.customer_id = x.customer_id
                WHERE x.campaign_id = ? AND y.campaign_id = ? AND x.status = 'target' AND y.status = 'target'""")
                .params(a, b).query(Long.class).single();
        assertEquals(0, twice, "customers planned by both plans of the same occasion:\n" + second.out());
    }

    private Long lastCampaign() {
        return host.bean(JdbcClient.class).sql("SELECT max(id) FROM campaigns WHERE strategy = ?").param(setup.strategyId())
                .query(Long.class).optional().orElse(null);
    }

    private PluginExtensions.Found<Strategy> found() {
        PluginExtensions x = host.bean(PluginExtensions.class);
        return x.strategies().stream().filter(f -> f.id().equals(setup.strategyId())).findFirst()
                .orElseThrow(() -> new AssertionError("no usable strategy '" + setup.strategyId() + "' in plugin " + pluginId + "; strategies: "
                        + x.strategies().stream().map(f -> f.id() + " (" + f.pluginId() + ")").toList() + "; settings errors: "
                        + x.settingsErrors() + "; problems: " + host.bean(RekindlePluginManager.class).problems()));
    }
}
