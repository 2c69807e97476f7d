package dev.rekindle.store;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Rekindle keeps its files (rekindle.home, rekindle.data-dir, rekindle.db).
 * Defaults are in the shipped application.yml: everything follows from rekindle.home, which the
 * launcher sets to the project folder.
 *
 * @param home    the project folder; logs, data and templates are found from it
 * @param dataDir the data folder: the demo database, plugins, outbox files, history
 * @param db      the SQLite database file; rekindle --db PATH chooses another (created empty)
 */
@ConfigurationProperties("rekindle")
public record StoreProperties(Path home, Path dataDir, Path db) {
}
