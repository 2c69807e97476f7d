package dev.rekindle.store;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.DeprecatedConfigurationProperty;

/**
 * How the database was chosen (rekindle.db.*; the path itself is rekindle.db).
 *
 * @param explicit true when the database was named (--db): a missing file is then created empty
 *                 instead of being filled with demo data; set by the launcher, not by operators
 * @param poolSize connections in the pool; replaced by spring.datasource.hikari.maximum-pool-size
 */
@ConfigurationProperties("rekindle.db")
public record DatabaseOptions(boolean explicit,
        @DeprecatedConfigurationProperty(replacement = "spring.datasource.hikari.maximum-pool-size",
                reason = "Boot's pool settings are all under spring.datasource.hikari.*") Integer poolSize) {
}
