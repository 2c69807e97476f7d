package dev.rekindle.plugins.strategies;

import dev.rekindle.plugintest.StrategyKit;
import dev.rekindle.plugintest.StrategyUnderTest;
import java.nio.file.Path;

/**
 * The shipped strategies jar through the plugin kit: winback-silent plans on the demo shop (with the shop
 * templates of this repository) with a stable occasion.
 */
class WinbackSilentKitIT extends StrategyKit {

    @Override
    protected StrategyUnderTest strategy() {
        return StrategyUnderTest.strategy("winback-silent").templates(Path.of("../../templates"));
    }
}
