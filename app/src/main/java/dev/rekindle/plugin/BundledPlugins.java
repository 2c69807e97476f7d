package dev.rekindle.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime plugins folder lives with the shop's data ({@code data/plugins/}), not in the build output,
 * so {@code mvn clean} never deletes a third-party jar. It is created on first start, and the plugins
 * that ship with Rekindle (the build's {@code dist/target/rekindle/plugins}) are copied in — again when
 * a newer build brings a newer jar of the same name. A shipped plugin the operator does not want is
 * listed in {@code disabled.txt}: deleting it would only bring it back with the next build.
 */
final class BundledPlugins {

    private static final Logger log = LoggerFactory.getLogger(BundledPlugins.class);

    private BundledPlugins() {
    }

    /** @return the file names copied */
    static List<String> install(Path bundled, Path pluginsDir) {
        List<String> copied = new ArrayList<>();
        try {
            Files.createDirectories(pluginsDir);
            if (bundled == null || !Files.isDirectory(bundled) || Files.isSameFile(bundled, pluginsDir)) return copied;
            try (Stream<Path> files = Files.list(bundled)) {
                for (Path jar : files.filter(p -> p.toString().endsWith(".jar") || p.toString().endsWith(".zip")).sorted().toList()) {
                    Path target = pluginsDir.resolve(jar.getFileName());
                    // whole seconds: a copy's time may be stored less precisely than the original's
                    if (!Files.exists(target) || Files.getLastModifiedTime(jar).toMillis() / 1000
                            > Files.getLastModifiedTime(target).toMillis() / 1000) {
                        Files.copy(jar, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                        copied.add(jar.getFileName().toString());
                    }
                }
            }
            if (!copied.isEmpty()) log.info("Copied the bundled plugins {} into {}", copied, pluginsDir);
        } catch (IOException e) {
            log.error("Cannot prepare the plugins folder {} from {}", pluginsDir, bundled, e);
        }
        return copied;
    }
}
