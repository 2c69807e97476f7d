package dev.rekindle.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.rekindle.store.DatabaseLocation;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 20 case 8: a send stopped with "Could not open JDBC Connection" when a big import started — the
 * import holds SQLite's exclusive lock (rollback-journal mode), so a new pooled connection cannot even
 * apply its pragmas, and Spring reports it as CannotCreateTransactionException. A ledger write waits for
 * the lock to go instead. The lock is a second real connection's; it is released only after the first
 * attempt has failed, so the test does not depend on timing.
 */
class BusyDatabaseTests {

    @TempDir
    Path dir;

    @Test
    void aLedgerWriteWaitsWhileAnotherProcessHoldsTheDatabaseAndThenSucceeds() throws Exception {
        Path db = dir.resolve("busy.db");
        String url = DatabaseLocation.resolve(null, db.toString(), true).jdbcUrl().replace("busy_timeout=5000", "busy_timeout=100");
        try (Connection importer = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = importer.createStatement()) {
            st.execute("PRAGMA journal_mode=DELETE"); // as an import switches it
            st.execute("CREATE TABLE t(x)");
            st.execute("BEGIN EXCLUSIVE");
            st.execute("INSERT INTO t VALUES ('import')");

            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(url);
            config.setMaximumPoolSize(2);
            config.setMinimumIdle(0);
            config.setConnectionTimeout(500);
            config.setInitializationFailTimeout(-1);
            try (HikariDataSource ds = new HikariDataSource(config)) {
                JdbcClient jdbc = JdbcClient.create(ds);
                TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
                AtomicInteger attempts = new AtomicInteger();
                CompletableFuture<Integer> write = CompletableFuture.supplyAsync(() -> DeliveryLedger.retryingBusy(() -> {
                    attempts.incrementAndGet();
                    return tx.execute(s -> jdbc.sql("INSERT INTO t VALUES ('send')").update());
                }, Duration.ofMinutes(2)));

                while (attempts.get() < 2 && !write.isDone()) Thread.sleep(20); // the first attempt met the lock
                st.execute("COMMIT"); // the import ends

                assertEquals(1, write.get());
                assertTrue(attempts.get() >= 2, "it waited: " + attempts.get() + " attempts");
                assertEquals(2, jdbc.sql("SELECT count(*) FROM t").query(Integer.class).single());
            }
        }
    }
}
