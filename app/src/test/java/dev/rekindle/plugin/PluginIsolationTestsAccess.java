package dev.rekindle.plugin;

/** The sample channel source of PluginIsolationTests, for tests in other packages. */
public final class PluginIsolationTestsAccess {

    private PluginIsolationTestsAccess() {
    }

    public static String channel(String pkg, String id) {
        return PluginIsolationTests.channel(pkg, id);
    }
}
