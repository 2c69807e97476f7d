package dev.rekindle.store;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One connection pool on the chosen database, configured with Boot's own keys: {@code spring.datasource.*}
 * (url, username, password) and {@code spring.datasource.hikari.*} (pool size and the rest, bound onto the
 * pool after it is made). What Boot cannot know stays here: which SQLite file (the demo database, or the one
 * named with {@code --db}), its folder, and the pragmas every connection needs.
 */
@Configuration(proxyBeanMethods = false)
class DataSourceConfig {

    private static final Logger log = LoggerFactory.getLogger(DataSourceConfig.class);

    @Bean
    DatabaseLocation databaseLocation(DataSourceProperties datasource, StoreProperties store, DatabaseOptions options) {
        return DatabaseLocation.resolve(datasource.getUrl(), store.db().toString(), options.explicit());
    }

    @Bean(destroyMethod = "close")
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(DatabaseLocation location, DataSourceProperties datasource, DatabaseOptions options) {
        SqliteErrors.database(location.describe()); // before the file is made: making it can fail too (SQLITE_CANTOPEN)
        if (location.path() != null && !location.existedBefore()) {
            NewDatabaseFile.create(location.path());
        }
        if (options.poolSize() != null) {
            // still honoured: the shipped application.yml takes maximum-pool-size from it when it is set
            log.warn("rekindle.db.pool-size is deprecated: use spring.datasource.hikari.maximum-pool-size");
        }
        DataSourceBuilder<HikariDataSource> builder = DataSourceBuilder.create().type(HikariDataSource.class)
                .url(location.jdbcUrl());
        if (datasource.getUsername() != null && !datasource.getUsername().isEmpty()) {
            builder.username(datasource.getUsername()).password(datasource.getPassword());
        }
        return builder.build();
    }
}
