package dev.rekindle.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rekindle.api.Channel;
import dev.rekindle.api.DeliveryResult;
import dev.rekindle.api.OutboundMessage;
import dev.rekindle.api.Purpose;
import dev.rekindle.support.PluginJars;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.PluginState;

/** Real plugin jars, built in a temp folder, loaded by the app's real plugin manager. */
class PluginLoadingTests {

    static final String ECHO_CHANNEL = """
            package test.echo;

            import dev.rekindle.api.*;
            import java.util.Map;
            import org.pf4j.Extension;

            @Extension
            public class EchoChannel implements Channel {
                private String prefix = "";
                public String id() { return "echo"; }
                public String title() { return "echo"; }
                public ChannelTraits traits() { return ChannelTraits.simple(ContactKind.MOBILE); }
                public void configure(Map<String, String> settings) { prefix = settings.getOrDefault("prefix", ""); }
                public DeliveryResult deliver(OutboundMessage m) { return DeliveryResult.accepted(prefix + m.text()); }
            }
            """;

    @TempDir
    Path tmp;

    @Test
    void shouldLoadAChannelExtensionFromARealJar() throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        PluginJars.build(plugins, "echo-plugin", "1.2.3", Map.of("test.echo.EchoChannel", ECHO_CHANNEL));
        RekindlePluginManager manager = new RekindlePluginManager(plugins);

        manager.loadAndStart();

        assertEquals(PluginState.STARTED, manager.getPlugin("echo-plugin").getPluginState());
        List<Channel> channels = manager.getExtensions(Channel.class, "echo-plugin");
        assertEquals(1, channels.size(), "the extension index must have been generated and read");
        Channel echo = channels.get(0);
        echo.configure(Map.of("prefix", "> "));
        DeliveryResult r = echo.deliver(new OutboundMessage("k", 1, "c", "13800000000", null, "hi", null,
                Purpose.CARE, Map.of()));
        assertEquals("> hi", r.providerId());
        manager.stopPlugins();
        assertEquals(PluginState.STOPPED, manager.getPlugin("echo-plugin").getPluginState());
    }

    @Test
    void shouldKeepWorkingWhenAJarIsNotAPlugin() throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        PluginJars.build(plugins, "echo-plugin", "1.0.0", Map.of("test.echo.EchoChannel", ECHO_CHANNEL));
        Path broken = PluginJars.notAPlugin(plugins, "broken");
        RekindlePluginManager manager = new RekindlePluginManager(plugins);

        manager.loadAndStart();

        assertEquals(PluginState.STARTED, manager.getPlugin("echo-plugin").getPluginState());
        assertTrue(manager.loadFailures().containsKey(broken), manager.loadFailures().toString());
    }

    @Test
    void shouldStopSeveralStartedPluginsWithoutConcurrentModification() throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        PluginJars.build(plugins, "echo-a", "1.0.0", Map.of("test.echo.EchoChannel", ECHO_CHANNEL));
        PluginJars.build(plugins, "echo-b", "1.0.0", Map.of("test.echo.EchoChannel", ECHO_CHANNEL));
        RekindlePluginManager manager = new RekindlePluginManager(plugins);
        manager.loadAndStart();
        assertEquals(2, manager.getStartedPlugins().size());

        manager.stopPlugins(); // PF4J's own throws ConcurrentModificationException here (issue #656)

        assertEquals(0, manager.getStartedPlugins().size());
    }
}
