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
