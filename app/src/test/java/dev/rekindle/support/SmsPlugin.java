package dev.rekindle.support;

import dev.rekindle.api.Channel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The real SMS channel plugin (plugins/channel-sms), compiled from its sources into a real plugin jar once
 * per test run (the app module builds before the plugins), for tests that send through the loopback
 * Aliyun fake. Gson, which the shipped jar bundles, comes from the test classpath.
 */
public final class SmsPlugin {

    public static final Path SOURCES = Path.of("../plugins/channel-sms/src/main/java");
    private static Path jar;
    private static ClassLoader loader;

    private SmsPlugin() {
    }

    public static synchronized Path jar() {
        if (jar == null) {
            try {
                Path dir = Files.createTempDirectory("rekindle-sms-jar");
                Map<String, String> sources = new LinkedHashMap<>();
                try (Stream<Path> files = Files.walk(SOURCES)) {
                    for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                        String name = SOURCES.relativize(f).toString().replace('/', '.').replaceFirst("\\.java$", "");
                        sources.put(name, Files.readString(f));
                    }
                }
                jar = PluginJars.build(Files.createDirectories(dir.resolve("out")), "channel-sms", "0.1.0", sources);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return jar;
    }

    /**
     * A configured SMS channel whose clock is the test's: the channel signs its requests with the time and
     * picks the days to look up by it, so moving the shop's clock must move the channel's (and the fake's)
     * too. That constructor is the plugin's own test seam (package-private), reached here by reflection.
     */
    public static synchronized Channel channel(Clock clock, Map<String, String> settings) {
        try {
            if (loader == null) loader = new URLClassLoader(new URL[] {jar().toUri().toURL()}, SmsPlugin.class.getClassLoader());
            Constructor<?> c = loader.loadClass("dev.rekindle.plugins.sms.SmsChannel").getDeclaredConstructor(Clock.class, Map.class);
            c.setAccessible(true);
            Channel channel = (Channel) c.newInstance(clock, Map.of());
            channel.configure(settings);
            return channel;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the SMS plugin's SmsChannel(Clock, Map) is gone", e);
        }
    }
}
