package dev.rekindle.store;

import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * Spring's JDBC transaction manager, minus one way of losing SQLite's real error: after SQLITE_FULL (or an
 * I/O error) SQLite has already rolled the transaction back, so Spring's own rollback fails with "cannot
 * rollback - no transaction is active" and that second error replaced the first. A rollback of a
 * transaction that is no longer there has nothing left to do; the original error goes on.
 */
class SqliteTransactionManager extends JdbcTransactionManager {

    private static final Logger log = LoggerFactory.getLogger(SqliteTransactionManager.class);

    SqliteTransactionManager(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void doRollback(DefaultTransactionStatus status) {
        try {
            super.doRollback(status);
        } catch (RuntimeException e) {
            if (!noTransactionActive(e)) throw e;
            log.debug("rollback found SQLite had rolled back already: {}", e.getMessage());
        }
    }

    static boolean noTransactionActive(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).contains("no transaction is active")) return true;
        }
        return false;
    }
}
