package dev.rekindle.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One connection pool on the chosen database. */
@Configuration(proxyBeanMethods = false)
class DataSourceConfig {

    @Bean
    DatabaseLocation databaseLocation(@Value("${spring.datasource.url:}") String url,
            @Value("${rekindle.db}") String db,
            @Value("${rekindle.db.explicit:false}") boolean explicit) {
        return DatabaseLocation.resolve(url, db, explicit);
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(DatabaseLocation location,
            @Value("${spring.datasource.username:}") String user,
            @Value("${spring.datasource.password:}") String password,
            @Value("${rekindle.db.pool-size:4}") int poolSize) {
        if (location.path() != null && !location.existedBefore()) {
            NewDatabaseFile.create(location.path());
        }
        SqliteErrors.database(location.describe());
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(location.jdbcUrl());
        if (!user.isEmpty()) {
            config.setUsername(user);
            config.setPassword(password);
        }
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(1);
        config.setPoolName("rekindle");
        return new HikariDataSource(config);
    }
}
