package dev.rekindle.plugintest.dryrun;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Writes the plugin jar that carries {@link KitDryRunStrategy} and its template for the channel under test. */
public final class DryRunPlugin {

    public static final String PLUGIN_ID = "rekindle-plugin-test-dry-run";

    /** One template for every kind of channel: an email uses the three parts, any other channel the last line. */
    private static final String TEMPLATE = """
            <#macro subject>Rekindle 插件测试</#macro>
            <#macro text>${customer.salutation}，这是 Rekindle 插件测试的消息。</#macro>
            <#macro html><p>${customer.salutation}，这是 Rekindle 插件测试的消息。</p></#macro>
            【${shop.signature}】${customer.salutation}，这是 Rekindle 插件测试的消息。
            """;

    private DryRunPlugin() {
    }

    public static Path write(Path dir, String channelId) {
        Path jar = dir.resolve(PLUGIN_ID + ".jar");
        Manifest manifest = new Manifest();
        Attributes a = manifest.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Plugin-Id", PLUGIN_ID);
        a.putValue("Plugin-Version", "1.0.0");
        a.putValue("Plugin-Provider", "rekindle-plugin-test");
        a.putValue("Plugin-Description", "the channel kit's dry-run strategy");
        String clazz = KitDryRunStrategy.class.getName().replace('.', '/') + ".class";
        try {
            Files.createDirectories(dir);
            try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest);
                    InputStream bytes = KitDryRunStrategy.class.getClassLoader().getResourceAsStream(clazz)) {
                out.putNextEntry(new JarEntry("META-INF/extensions.idx"));
                out.write((KitDryRunStrategy.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
                out.putNextEntry(new JarEntry(clazz));
                bytes.transferTo(out);
                out.closeEntry();
                out.putNextEntry(new JarEntry("templates/" + KitDryRunStrategy.ID + "/" + channelId + ".ftl"));
                out.write(TEMPLATE.getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jar;
    }
}
