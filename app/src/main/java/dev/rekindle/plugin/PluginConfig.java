package dev.rekindle.plugin;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PluginConfig {

    /**
     * Loaded and started on first use, so that commands which need no plugin start faster. The folder is
     * created (with the bundled plugins copied in) before it is read.
     */
    @Bean(destroyMethod = "stopPlugins")
    RekindlePluginManager pluginManager(@Value("${rekindle.plugins.dir}") String dir,
            @Value("${rekindle.plugins.bundled:}") String bundled) {
        Path pluginsDir = Path.of(dir).toAbsolutePath().normalize();
        BundledPlugins.install(bundled.isBlank() ? null : Path.of(bundled).toAbsolutePath().normalize(), pluginsDir);
        RekindlePluginManager manager = new RekindlePluginManager(pluginsDir);
        manager.loadAndStart();
        return manager;
    }
}
