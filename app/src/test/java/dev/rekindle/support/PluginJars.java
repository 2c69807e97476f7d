package dev.rekindle.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds real PF4J plugin jars in a test folder: compiles the given sources against the test classpath
 * (api + pf4j) with PF4J's annotation processor, so the jar carries a real extensions index, and writes
 * the plugin descriptor into the manifest — exactly what the Maven plugin build produces.
 */
public final class PluginJars {

    private PluginJars() {
    }

    /** @param sources fully qualified class name → Java source */
    public static Path build(Path folder, String pluginId, String version, Map<String, String> sources) {
        return build(folder, pluginId + ".jar", Map.of("Plugin-Id", pluginId, "Plugin-Version", version), sources);
    }

    /**
     * A plugin jar with the given manifest entries ({@code Plugin-Id}, {@code Plugin-Version},
     * {@code Plugin-Dependencies}, {@code Plugin-Requires}, {@code Plugin-Class}…). Sources in package
     * {@code dev.rekindle.api} stand in for another version of the API: the plugin is compiled against
     * them and they are left out of the jar, as a plugin built against an older or newer API would be.
     * Classes in the packages named in {@code leaveOut} are compiled but left out too (a library missing
     * from the jar). Keys with a slash are resources, written into the jar as they are.
     */
    public static Path build(Path folder, String fileName, Map<String, String> manifestEntries, Map<String, String> sources,
            String... leaveOut) {
        try {
            String pluginId = manifestEntries.get("Plugin-Id");
            Path work = Files.createTempDirectory(folder.getParent(), "src-" + pluginId);
            Path classes = Files.createDirectories(work.resolve("classes"));
            for (Map.Entry<String, String> s : sources.entrySet()) {
                if (s.getKey().contains("/")) {
                    // a resource (e.g. templates/winback/sms.ftl), put into the jar as it is
                    Path resource = classes.resolve(s.getKey());
                    Files.createDirectories(resource.getParent());
                    Files.writeString(resource, s.getValue());
                    continue;
                }
                Path file = work.resolve("src").resolve(s.getKey().replace('.', '/') + ".java");
                Files.createDirectories(file.getParent());
                Files.writeString(file, s.getValue());
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            List<String> args = new java.util.ArrayList<>(List.of("-classpath", System.getProperty("java.class.path"),
                    "-processor", "org.pf4j.processor.ExtensionAnnotationProcessor", "-d", classes.toString(),
                    "-encoding", "UTF-8"));
            try (Stream<Path> files = Files.walk(work.resolve("src"))) {
                files.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
            }
            int rc = javac.run(null, null, null, args.toArray(String[]::new));
            if (rc != 0) {
                throw new IllegalStateException("plugin sources did not compile");
            }
            Manifest manifest = new Manifest();
            Attributes a = manifest.getMainAttributes();
            a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
            a.putValue("Plugin-Provider", "tests");
            manifestEntries.forEach(a::putValue);
            Path jar = folder.resolve(fileName);
            List<String> omit = new java.util.ArrayList<>(List.of("dev/rekindle/api/"));
            for (String pkg : leaveOut) omit.add(pkg.replace('.', '/') + "/");
            writeJar(jar, manifest, classes, omit);
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A jar that is not a plugin at all (no descriptor): PF4J cannot load it. */
    public static Path notAPlugin(Path folder, String name) {
        try {
            Path jar = folder.resolve(name + ".jar");
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
                out.putNextEntry(new JarEntry("readme.txt"));
                out.write("not a plugin".getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeJar(Path jar, Manifest manifest, Path classes, List<String> omit) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest);
                Stream<Path> entries = Files.walk(classes)) {
            for (Path p : entries.filter(Files::isRegularFile).toList()) {
                String name = classes.relativize(p).toString().replace('\\', '/');
                if (omit.stream().anyMatch(name::startsWith)) continue;
                out.putNextEntry(new JarEntry(name));
                Files.copy(p, out);
                out.closeEntry();
            }
        }
    }
}
