package dev.rekindle.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rekindle.api.Strategy;
import dev.rekindle.plugin.RekindlePluginManager;
import dev.rekindle.support.CampaignTestSupport;
import dev.rekindle.support.StrategiesPlugin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.PluginState;

/** The strategies plugin as a real jar in a real plugin manager, and strategies list/show. */
class StrategiesPluginTests extends CampaignTestSupport {

    static final Set<String> BUILT_IN = Set.of("post-purchase-thanks", "dormancy-reminder", "winback-silent", "winback-sleeping",
            "last-call-lost", "birthday-care", "holiday-greeting", "vip-exclusive", "new-product-trial", "replenishment-reminder");

    @TempDir
    Path tmp;

    @Test
    void theJarCarriesAnExtensionIndexWithTheTenStrategies() throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        Files.copy(StrategiesPlugin.jar(), plugins.resolve("strategies.jar"));
        RekindlePluginManager manager = new RekindlePluginManager(plugins);

        manager.loadAndStart();

        assertEquals(PluginState.STARTED, manager.getPlugin("strategies").getPluginState());
        List<Strategy> strategies = manager.getExtensions(Strategy.class, "strategies");
        assertEquals(BUILT_IN, strategies.stream().map(Strategy::id).collect(Collectors.toSet()));
        manager.stopPlugins();
    }

    @Test
    void strategiesListAndShowDescribeEachStrategy() {
        Result list = run("strategies list");
        Result show = run("strategies show winback-sleeping");
        Result unknown = run("strategies show winback");

        assertEquals(0, list.exit(), list.all());
        BUILT_IN.forEach(id -> assertTrue(list.out().contains(id), id + "\n" + list.out()));
        assertEquals(0, show.exit(), show.all());
        assertTrue(show.out().contains("MARKETING"), show.out());
        assertTrue(show.out().contains("sleeping stage"), show.out());
        assertTrue(show.out().contains("winback-sleeping.offer.important_keep") && show.out().contains("coupon-30"), show.out());
        assertTrue(show.out().contains("sms ✓"), show.out());
        assertEquals(1, unknown.exit());
        assertTrue(unknown.err().contains("winback-sleeping"), unknown.err());
    }

    @Test
    void settingsReachTheStrategyFromSpringConfiguration() {
        // the bean's configured value: -D / properties / env all go through PluginSettings
        Result show = run("strategies show dormancy-reminder");
        assertTrue(show.out().contains("dormancy-reminder.day") && show.out().contains("80"), show.out());
    }
}
