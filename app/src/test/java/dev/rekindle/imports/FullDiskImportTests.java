package dev.rekindle.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.rekindle.store.SqliteErrors;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteErrorCode;

/**
 * Issue 20 case 8: an import that fills the disk used to report "cannot commit - no transaction is active"
 * (SQLite had rolled back already, and ending the transaction in a finally replaced the real error).
 * A real SQLITE_FULL on a real file: the database may not grow past 64 pages.
 */
class FullDiskImportTests {

    @TempDir
    Path dir;

    @Test
    void theRealSqliteFullReachesTheOperatorAndNothingIsKept() throws Exception {
        Path db = dir.resolve("small.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode=WAL");
            st.execute("CREATE TABLE t(x BLOB)");
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:sqlite:" + db + "?journal_mode=WAL&busy_timeout=5000&max_page_count=64");
        config.setMaximumPoolSize(2);
        try (HikariDataSource ds = new HikariDataSource(config)) {
            ImportTransactions tx = new ImportTransactions(ds);

            RuntimeException e = assertThrows(RuntimeException.class, () -> tx.run(con -> {
                try (PreparedStatement ps = con.prepareStatement("INSERT INTO t VALUES (randomblob(4000))")) {
                    for (int i = 0; i < 1000; i++) ps.executeUpdate();
                }
                return null;
            }));

            assertEquals(SQLiteErrorCode.SQLITE_FULL, SqliteErrors.find(e).orElseThrow(() -> new AssertionError(e)).getResultCode());
            assertTrue(String.valueOf(e.getMessage()).contains("SQLITE_FULL"), "the error itself, not what ending the transaction said: " + e);
            try (Connection c = ds.getConnection(); Statement st = c.createStatement(); var rs = st.executeQuery("SELECT count(*) FROM t")) {
                rs.next();
                assertEquals(0, rs.getInt(1));
            }
        }
    }
}
