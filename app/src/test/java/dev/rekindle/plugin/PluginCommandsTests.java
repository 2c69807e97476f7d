package dev.rekindle.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rekindle.channel.ChannelRegistry;
import dev.rekindle.support.PluginJars;
import dev.rekindle.support.ShellTestSupport;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

/** plugins list and plugin settings, with real jars in the app's plugins folder. */
@TestPropertySource(properties = "rekindle.plugins.echo-plugin.prefix=[shop] ")
class PluginCommandsTests extends ShellTestSupport {

    @Value("${rekindle.plugins.dir}")
    Path pluginsDir;

    @Autowired
    org.springframework.beans.factory.ObjectProvider<ChannelRegistry> channels;

    @Test
    void shouldListLoadedAndBrokenPluginsAndBindTheirSettings() {
        PluginJars.build(pluginsDir, "echo-plugin", "1.2.3",
                Map.of("test.echo.EchoChannel", PluginLoadingTests.ECHO_CHANNEL));
        PluginJars.notAPlugin(pluginsDir, "broken");

        Result r = run("plugins list");

        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("Plugins folder: " + pluginsDir), r.out());
        assertTrue(r.out().matches("(?s).*echo-plugin\\s+1\\.2\\.3\\s+STARTED\\s+EchoChannel.*"), r.out());
        assertTrue(r.out().matches("(?s).*\\?\\s+NOT LOADED\\s+broken\\.jar\\s+\\S+.*"), r.out());
        // the shell keeps working, and the plugin's channel received its settings
        assertEquals("[shop] hello", channels.getObject().find("echo").orElseThrow().channel()
                .deliver(new dev.rekindle.api.OutboundMessage("k", 0, "c", "x", null, "hello", null,
                        dev.rekindle.api.Purpose.CARE, Map.of())).providerId());
        assertTrue(channels.getObject().find("file").isPresent(), "the built-in channel is always there");
        assertEquals(0, run("status").exit());
    }
}
