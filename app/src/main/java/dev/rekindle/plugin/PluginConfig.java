package dev.rekindle.plugin;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PluginConfig {

    /** Loaded and started on first use, so that commands which need no plugin start faster. */
    @Bean(destroyMethod = "stopPlugins")
    RekindlePluginManager pluginManager(@Value("${rekindle.plugins.dir}") String dir) {
        RekindlePluginManager manager = new RekindlePluginManager(Path.of(dir).toAbsolutePath().normalize());
        manager.loadAndStart();
        return manager;
    }
}
