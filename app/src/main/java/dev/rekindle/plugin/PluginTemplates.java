package dev.rekindle.plugin;

import freemarker.cache.TemplateLoader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLConnection;
import org.pf4j.PluginWrapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Default templates shipped inside plugin jars, as {@code templates/<strategy>/<channel>.ftl}: a FreeMarker
 * loader the template engine asks after the shop's {@code templates/} folder, so a shop's own file always
 * wins. Only the plugins' own jars are searched (not the host's class path), in plugin order; the plugin
 * manager is only started when a template is not found in the shop's folder.
 */
@Component
public class PluginTemplates implements TemplateLoader {

    private final ObjectProvider<RekindlePluginManager> plugins;

    public PluginTemplates(ObjectProvider<RekindlePluginManager> plugins) {
        this.plugins = plugins;
    }

    private record Source(String pluginId, URL url) {
    }

    @Override
    public Object findTemplateSource(String name) {
        if (name.contains("..")) return null;
        RekindlePluginManager manager = plugins.getIfAvailable();
        if (manager == null) return null;
        for (PluginWrapper p : manager.getStartedPlugins()) {
            if (p.getPluginClassLoader() instanceof URLClassLoader own) {
                URL url = own.findResource("templates/" + name);
                if (url != null) return new Source(p.getPluginId(), url);
            }
        }
        return null;
    }

    /** A template file inside a plugin jar: its name under {@code templates/} (e.g. {@code winback-silent/line.ftl}). */
    public record JarTemplate(String pluginId, String name) {
    }

    /** The templates the started plugins carry, in plugin order (for listing: where each template comes from). */
    public java.util.List<JarTemplate> list() {
        RekindlePluginManager manager = plugins.getIfAvailable();
        if (manager == null) return java.util.List.of();
        java.util.List<JarTemplate> out = new java.util.ArrayList<>();
        for (PluginWrapper p : manager.getStartedPlugins()) {
            java.nio.file.Path path = p.getPluginPath();
            try {
                if (java.nio.file.Files.isRegularFile(path)) {
                    try (java.util.jar.JarFile jar = new java.util.jar.JarFile(path.toFile())) {
                        jar.stream().filter(e -> !e.isDirectory() && e.getName().startsWith("templates/") && e.getName().endsWith(".ftl"))
                                .forEach(e -> out.add(new JarTemplate(p.getPluginId(), e.getName().substring("templates/".length()))));
                    }
                } else if (java.nio.file.Files.isDirectory(path.resolve("templates"))) { // a plugin folder (development)
                    java.nio.file.Path root = path.resolve("templates");
                    try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(root)) {
                        files.filter(f -> f.toString().endsWith(".ftl") && java.nio.file.Files.isRegularFile(f))
                                .forEach(f -> out.add(new JarTemplate(p.getPluginId(), root.relativize(f).toString().replace('\\', '/'))));
                    }
                }
            } catch (IOException e) {
                // a jar that cannot be read lists nothing; loading it reports the problem
            }
        }
        return out;
    }

    /** The plugin whose jar provides this template ({@code winback-silent/line.ftl}), if one does. */
    public java.util.Optional<String> pluginOf(String name) {
        Object source = findTemplateSource(name);
        return source == null ? java.util.Optional.empty() : java.util.Optional.of(((Source) source).pluginId());
    }

    @Override
    public long getLastModified(Object source) {
        try {
            URLConnection c = ((Source) source).url().openConnection();
            c.setUseCaches(false);
            return c.getLastModified();
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public Reader getReader(Object source, String encoding) throws IOException {
        URLConnection c = ((Source) source).url().openConnection();
        c.setUseCaches(false); // a cached JarFile would keep the plugin jar open after it is replaced
        return new InputStreamReader(c.getInputStream(), encoding);
    }

    @Override
    public void closeTemplateSource(Object source) {
    }

    @Override
    public String toString() {
        return "templates inside plugin jars";
    }
}
