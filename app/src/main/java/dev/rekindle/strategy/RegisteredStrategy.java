package dev.rekindle.strategy;

import dev.rekindle.api.Strategy;

/** A strategy and the plugin (id and version) it comes from. */
public record RegisteredStrategy(Strategy strategy, String pluginId, String pluginVersion) {

    public String id() {
        return strategy.id();
    }
}
