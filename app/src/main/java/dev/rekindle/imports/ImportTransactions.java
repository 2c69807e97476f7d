package dev.rekindle.imports;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One transaction per import: all rows or none. The work gets the transaction's connection for batched
 * prepared statements; {@code JdbcClient} calls made meanwhile (CustomerStats, the import log) use the
 * same connection, because it is bound the way Spring's transaction manager binds it.
 * <p>
 * On SQLite, foreign-key enforcement is switched off for this one connection while the import runs, and
 * sorting goes to memory and two threads (these can only be switched outside a transaction, hence no
 * {@code TransactionTemplate} here): every customer id an
 * import writes was read from, or inserted into, {@code customers} under the import's write lock, so the
 * per-row parent lookups would only cost time. It is switched back on before the connection returns to
 * the pool, whatever happens.
 */
@Component
class ImportTransactions {

    private static final Logger log = LoggerFactory.getLogger(ImportTransactions.class);

    @FunctionalInterface
    interface Work<T> {
        T run(Connection con) throws SQLException;
    }

    private final DataSource dataSource;

    ImportTransactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    <T> T run(Work<T> work) {
        if (TransactionSynchronizationManager.hasResource(dataSource)) {
            throw new IllegalStateException("an import cannot run inside another transaction");
        }
        try (Connection con = dataSource.getConnection()) {
            boolean sqlite = con.getMetaData().getDatabaseProductName().toLowerCase().contains("sqlite");
            boolean rollbackJournal = false;
            if (sqlite) {
                pragma(con, "PRAGMA foreign_keys = OFF");
                // rebuilding an index and staging lines sort millions of keys: in memory, on a second core
                speedOnly(con, "PRAGMA threads = 2");
                speedOnly(con, "PRAGMA temp_store = MEMORY");
                rollbackJournal = toRollbackJournal(con);
            }
            TransactionSynchronizationManager.bindResource(dataSource, new ConnectionHolder(con, true));
            Throwable failure = null;
            try {
                con.setAutoCommit(false);
                T result;
                try {
                    result = work.run(con);
                } catch (RuntimeException | Error | SQLException e) {
                    rollback(con);
                    throw e;
                }
                long start = System.nanoTime();
                try {
                    con.commit();
                } catch (SQLException e) {
                    rollback(con);
                    throw e;
                }
                log.info("import committed in {} ms", (System.nanoTime() - start) / 1_000_000);
                return result;
            } catch (RuntimeException | Error | SQLException e) {
                failure = e;
                throw e;
            } finally {
                TransactionSynchronizationManager.unbindResource(dataSource);
                try {
                    restore(con, sqlite, rollbackJournal);
                } catch (SQLException | RuntimeException e) {
                    // after SQLITE_FULL there is no transaction left to end: that must not hide the real error
                    if (failure == null) throw e;
                    failure.addSuppressed(e);
                }
            }
        } catch (SQLException e) {
            throw new UncategorizedSQLException("import", null, e);
        }
    }

    private static void rollback(Connection con) {
        try {
            con.rollback();
        } catch (SQLException e) {
            log.warn("rollback of a failed import failed", e);
        }
    }

    /**
     * A write-ahead log writes every page of a big import twice (into the log, then into the database at the
     * checkpoint). A rollback journal writes new pages once and journals only the pages that existed, and is
     * just as safe: a crash or kill leaves a journal that puts the old pages back on the next open. SQLite
     * only leaves WAL mode when no other connection has the database open; otherwise the import stays in WAL.
     */
    private static boolean toRollbackJournal(Connection con) {
        try (Statement st = con.createStatement(); ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
            if (!rs.next() || !"wal".equalsIgnoreCase(rs.getString(1))) {
                return false;
            }
        } catch (SQLException e) {
            return false;
        }
        try (Statement st = con.createStatement(); ResultSet rs = st.executeQuery("PRAGMA journal_mode = DELETE")) {
            return rs.next() && "delete".equalsIgnoreCase(rs.getString(1));
        } catch (SQLException e) {
            log.info("import stays in WAL mode: {}", e.getMessage());
            return false;
        }
    }

    private static void restore(Connection con, boolean sqlite, boolean rollbackJournal) throws SQLException {
        if (!con.getAutoCommit()) {
            con.setAutoCommit(true);
        }
        if (rollbackJournal) {
            pragma(con, "PRAGMA journal_mode = WAL");
        }
        if (sqlite) {
            pragma(con, "PRAGMA foreign_keys = ON");
            speedOnly(con, "PRAGMA threads = 0");
            speedOnly(con, "PRAGMA temp_store = DEFAULT");
        }
    }

    /** A setting that only makes the import faster: if SQLite refuses it, the import runs anyway. */
    private static void speedOnly(Connection con, String sql) {
        try {
            pragma(con, sql);
        } catch (SQLException e) {
            log.info("{} not applied: {}", sql, e.getMessage());
        }
    }

    private static void pragma(Connection con, String sql) throws SQLException {
        try (Statement st = con.createStatement()) {
            st.execute(sql);
        }
    }
}
