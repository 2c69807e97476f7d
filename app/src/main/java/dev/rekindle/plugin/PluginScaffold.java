package dev.rekindle.plugin;

import dev.rekindle.api.ApiVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Writes a new plugin project: a standalone Maven pom (no parent: it depends on {@code rekindle-api}
 * only), a channel (a JSON webhook) or a strategy, their unit tests and a test that runs Rekindle's plugin
 * kit on the built jar. It builds with {@code mvn verify} and runs as soon as the jar is in the plugins folder.
 */
final class PluginScaffold {

    enum Kind { CHANNEL, STRATEGY }

    private PluginScaffold() {
    }

    /** @return the files written, relative to {@code dir} */
    static List<String> write(Kind kind, String id, Path dir) {
        if (!id.matches("[a-z][a-z0-9-]{0,40}")) {
            throw new IllegalArgumentException("the id must be lower-case letters, digits and dashes, starting with a letter, e.g. dingtalk");
        }
        if (Files.exists(dir)) {
            try (var entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) throw new IllegalArgumentException(dir + " exists and is not empty: choose another --dir");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        String clazz = className(id);
        String pkg = "com.example.rekindle." + id.replace("-", "");
        String artifact = (kind == Kind.CHANNEL ? "channel-" : "strategy-") + id;
        Map<String, String> values = new LinkedHashMap<>();
        values.put("@ID@", id);
        values.put("@CLASS@", clazz);
        values.put("@PACKAGE@", pkg);
        values.put("@GROUP@", "com.example.rekindle");
        values.put("@ARTIFACT@", artifact);
        values.put("@TITLE@", kind == Kind.CHANNEL ? clazz + " webhook channel" : clazz + " strategy");
        values.put("@KIND@", kind.name().toLowerCase(Locale.ROOT));
        values.put("@KIND_COMMAND@", kind == Kind.CHANNEL ? "channels" : "strategies");
        values.put("@API_VERSION@", ApiVersion.current());
        values.put("@API_NEXT_MAJOR@", PluginVersions.nextMajor(ApiVersion.current()));
        values.put("@PF4J_VERSION@", pf4jVersion());
        String source = "src/main/java/" + pkg.replace('.', '/') + "/";
        String test = "src/test/java/" + pkg.replace('.', '/') + "/";
        String type = kind == Kind.CHANNEL ? "Channel" : "Strategy";
        Map<String, String> files = new LinkedHashMap<>();
        files.put("pom.xml", "pom.xml.txt");
        files.put("README.md", "README.md.txt");
        files.put(source + clazz + type + ".java", type + ".java.txt");
        files.put(test + clazz + type + "Test.java", type + "Test.java.txt");
        // Rekindle's plugin kit (rekindle-plugin-test) on the built jar: mvn verify runs it after package
        files.put(test + clazz + "KitIT.java", type + "KitIT.java.txt");
        if (kind == Kind.STRATEGY) {
            // default templates travel in the jar (the shop's templates/ folder overrides them)
            files.put("src/main/resources/templates/" + id + "/sms.ftl", "strategy-sms.ftl.txt");
            files.put("src/main/resources/templates/" + id + "/email.ftl", "strategy-email.ftl.txt");
        }
        List<String> written = new ArrayList<>();
        try {
            for (Map.Entry<String, String> f : files.entrySet()) {
                String text = resource(f.getValue());
                for (Map.Entry<String, String> v : values.entrySet()) text = text.replace(v.getKey(), v.getValue());
                Path target = dir.resolve(f.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, text, StandardCharsets.UTF_8);
                written.add(f.getKey());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return written;
    }

    /** {@code dingtalk-robot} → {@code DingtalkRobot}. */
    static String className(String id) {
        StringBuilder sb = new StringBuilder();
        for (String part : id.split("-")) {
            if (!part.isEmpty()) sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return sb.toString();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = PluginScaffold.class.getResourceAsStream("/scaffold/" + name)) {
            if (in == null) throw new IllegalStateException("scaffold file " + name + " is missing from the app");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The PF4J version the host runs, so that the plugin compiles against the same one. */
    static String pf4jVersion() {
        try (InputStream in = org.pf4j.PluginManager.class.getResourceAsStream("/META-INF/maven/org.pf4j/pf4j/pom.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version");
            }
        } catch (IOException e) {
            // fall through
        }
        String v = org.pf4j.PluginManager.class.getPackage().getImplementationVersion();
        return v == null ? "3.15.0" : v;
    }
}
