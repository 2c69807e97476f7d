package dev.rekindle.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rekindle.support.PluginJars;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.PluginState;

/** The runtime plugins folder beside the data: created on first start, bundled plugins copied in. */
class BundledPluginsTests {

    @TempDir
    Path tmp;

    @Test
    void firstStartCreatesTheFolderWithTheBundledPluginsAndKeepsThirdPartyOnes() throws Exception {
        Path bundled = Files.createDirectories(tmp.resolve("dist/target/rekindle/plugins"));
        PluginJars.build(bundled, "echo-plugin", "1.0.0", Map.of("test.echo.EchoChannel", PluginLoadingTests.ECHO_CHANNEL));
        Path runtime = tmp.resolve("data/plugins");

        assertEquals(List.of("echo-plugin.jar"), BundledPlugins.install(bundled, runtime));
        Files.writeString(runtime.resolve("third-party.jar"), "kept");
        assertEquals(List.of(), BundledPlugins.install(bundled, runtime), "nothing newer: nothing copied");

        RekindlePluginManager m = new RekindlePluginManager(runtime, "0.1.0");
        m.loadAndStart();
        assertEquals(PluginState.STARTED, m.getPlugin("echo-plugin").getPluginState());
        m.stopPlugins();

        // a newer build of the bundled plugin replaces the copy; the third-party file stays
        Files.setLastModifiedTime(bundled.resolve("echo-plugin.jar"), FileTime.from(Instant.now().plusSeconds(60)));
        assertEquals(List.of("echo-plugin.jar"), BundledPlugins.install(bundled, runtime));
        assertTrue(Files.exists(runtime.resolve("third-party.jar")));
        // a mvn clean (no bundled folder) leaves the runtime folder alone
        assertEquals(List.of(), BundledPlugins.install(tmp.resolve("gone"), runtime));
        assertTrue(Files.exists(runtime.resolve("echo-plugin.jar")));
    }
}
