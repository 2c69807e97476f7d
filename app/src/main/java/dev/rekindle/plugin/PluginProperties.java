package dev.rekindle.plugin;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where plugins come from (rekindle.plugins.dir, rekindle.plugins.bundled). The settings
 * handed to each plugin (rekindle.plugins.<plugin-id>.*) are keys the plugin declares at run time,
 * so PluginSettings reads them with Spring's Binder rather than a record.
 *
 * @param dir     plugin jars are loaded from here (beside the data, so mvn clean never deletes them);
 *                created on first start, with the bundled plugins copied in
 * @param bundled the plugins that ship with Rekindle (set by the launcher); empty = none
 */
@ConfigurationProperties("rekindle.plugins")
public record PluginProperties(Path dir, String bundled) {
}
