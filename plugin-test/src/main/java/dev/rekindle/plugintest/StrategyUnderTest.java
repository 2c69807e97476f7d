package dev.rekindle.plugintest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the kit needs to know about a strategy plugin: its jar, its strategy id and any settings it needs. */
public final class StrategyUnderTest {

    private final String strategyId;
    private Path jar;
    private final Map<String, String> settings = new LinkedHashMap<>();
    private int customers = 400;
    private Path templates;
    private String channel = "file";

    private StrategyUnderTest(String strategyId) {
        this.strategyId = strategyId;
    }

    /** The strategy with this id ({@code Strategy.id()}), from the one plugin jar in {@code target/}. */
    public static StrategyUnderTest strategy(String strategyId) {
        return new StrategyUnderTest(strategyId);
    }

    /** The plugin jar (default: the one {@code target/*.jar} that is not a shade plugin's {@code original-}). */
    public StrategyUnderTest jar(Path jar) {
        this.jar = jar;
        return this;
    }

    /** A plugin setting, as {@code rekindle.plugins.<plugin-id>.<name>}. */
    public StrategyUnderTest setting(String name, String value) {
        settings.put(name, value);
        return this;
    }

    /** How many customers the demo shop it plans on has (default 400). */
    public StrategyUnderTest demoCustomers(int n) {
        this.customers = n;
        return this;
    }

    /**
     * The shop's templates folder to plan with (default: none, so the templates the jar ships in
     * {@code templates/<strategy>/<channel>.ftl} are used).
     */
    public StrategyUnderTest templates(Path folder) {
        this.templates = folder;
        return this;
    }

    /**
     * The channel the kit plans for (default {@code file}, built into Rekindle, so that planning needs no
     * channel plugin; the strategy then needs a {@code file.ftl} template, as for any channel it is planned for).
     */
    public StrategyUnderTest channel(String channel) {
        this.channel = channel;
        return this;
    }

    Path templates() {
        return templates;
    }

    String channel() {
        return channel;
    }

    String strategyId() {
        return strategyId;
    }

    Map<String, String> settings() {
        return Map.copyOf(settings);
    }

    int customers() {
        return customers;
    }

    Path jar() {
        if (jar != null) {
            if (!Files.isRegularFile(jar)) throw new IllegalStateException("no plugin jar at " + jar.toAbsolutePath());
            return jar;
        }
        return ChannelUnderTest.findJar(Path.of("target"));
    }
}
