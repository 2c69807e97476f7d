package dev.rekindle.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The real strategies plugin (plugins/strategies), compiled from its sources into a real PF4J jar once
 * per test run — the app module builds before the plugins, so the Maven-built jar is not there yet.
 */
public final class StrategiesPlugin {

    public static final Path SOURCES = Path.of("../plugins/strategies/src/main/java");
    private static Path jar;

    private StrategiesPlugin() {
    }

    public static synchronized Path jar() {
        if (jar == null) {
            try {
                Path dir = Files.createTempDirectory("rekindle-strategies-jar");
                Map<String, String> sources = new LinkedHashMap<>();
                try (Stream<Path> files = Files.walk(SOURCES)) {
                    for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                        String name = SOURCES.relativize(f).toString().replace('/', '.').replaceFirst("\\.java$", "");
                        sources.put(name, Files.readString(f));
                    }
                }
                jar = PluginJars.build(Files.createDirectories(dir.resolve("out")), "strategies", "0.1.0", sources);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return jar;
    }

    /** Puts the plugin into a plugins folder (before the app's plugin manager first starts). */
    public static void installInto(Path pluginsDir) {
        try {
            Path target = pluginsDir.resolve("strategies.jar");
            if (!Files.exists(target)) {
                Files.createDirectories(pluginsDir);
                Files.copy(jar(), target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
