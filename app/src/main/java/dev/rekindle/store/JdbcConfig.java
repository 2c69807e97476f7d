package dev.rekindle.store;

import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class JdbcConfig {

    @Bean
    JdbcClient jdbcClient(DataSource dataSource) {
        return JdbcClient.create(dataSource);
    }

    /** Replaces Boot's: keeps SQLite's real error when the rollback after it finds nothing to roll back. */
    @Bean
    SqliteTransactionManager transactionManager(DataSource dataSource) {
        return new SqliteTransactionManager(dataSource);
    }
}
