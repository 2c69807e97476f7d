package dev.rekindle.plugin;

import java.nio.file.Path;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PluginConfig {

    /**
     * Loaded and started on first use, so that commands which need no plugin start faster. The folder is
     * created (with the bundled plugins copied in) before it is read.
     */
    @Bean(destroyMethod = "stopPlugins")
    RekindlePluginManager pluginManager(PluginProperties settings) {
        Path pluginsDir = settings.dir().toAbsolutePath().normalize();
        String bundled = settings.bundled() == null ? "" : settings.bundled();
        BundledPlugins.install(bundled.isBlank() ? null : Path.of(bundled).toAbsolutePath().normalize(), pluginsDir);
        RekindlePluginManager manager = new RekindlePluginManager(pluginsDir);
        manager.loadAndStart();
        return manager;
    }
}
