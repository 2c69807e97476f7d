package dev.rekindle.imports;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One transaction per import: all rows or none. The work gets the transaction's JDBC connection for
 * batched prepared statements; {@code JdbcClient} calls made meanwhile (CustomerStats) join the same
 * transaction.
 */
@Component
class ImportTransactions {

    @FunctionalInterface
    interface Work<T> {
        T run(Connection con) throws SQLException;
    }

    private final DataSource dataSource;
    private final TransactionTemplate tx;

    ImportTransactions(DataSource dataSource, PlatformTransactionManager transactions) {
        this.dataSource = dataSource;
        this.tx = new TransactionTemplate(transactions);
    }

    <T> T run(Work<T> work) {
        return tx.execute(status -> {
            Connection con = DataSourceUtils.getConnection(dataSource);
            try {
                return work.run(con);
            } catch (SQLException e) {
                throw new org.springframework.jdbc.UncategorizedSQLException("import", null, e);
            }
        });
    }
}
