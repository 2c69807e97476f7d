package dev.rekindle.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteErrorCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Issue 20 case 8: a full disk and a read-only database are told plainly, with the path; the real error survives. */
class SqliteErrorsTests {

    @TempDir
    Path dir;

    private HikariDataSource pool(String url) {
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(url);
        c.setMaximumPoolSize(2);
        return new HikariDataSource(c);
    }

    @Test
    void aFullDiskIsToldWithThePathAndSurvivesTheRollbackThatFindsNothingToRollBack() throws Exception {
        Path db = dir.resolve("full.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t(x BLOB)");
        }
        // a real SQLITE_FULL: the file may not grow past 64 pages of 4 KB
        try (HikariDataSource ds = pool("jdbc:sqlite:" + db + DatabaseLocation.PRAGMAS + "&max_page_count=64")) {
            SqliteErrors.database(db.toString());
            JdbcClient jdbc = JdbcClient.create(ds);
            TransactionTemplate tx = new TransactionTemplate(new SqliteTransactionManager(ds));

            RuntimeException e = assertThrows(RuntimeException.class, () -> tx.executeWithoutResult(s -> {
                for (int i = 0; i < 1000; i++) jdbc.sql("INSERT INTO t VALUES (randomblob(4000))").update();
            }));

            assertEquals(SQLiteErrorCode.SQLITE_FULL, SqliteErrors.find(e).orElseThrow().getResultCode(), e.toString());
            String shown = SqliteErrors.explain(e).orElseThrow();
            assertTrue(shown.contains(db.toString()) && shown.contains("is full (SQLITE_FULL)") && shown.contains("Free space"), shown);
            assertEquals(0, jdbc.sql("SELECT count(*) FROM t").query(Integer.class).single(), "all or nothing");
        }
    }

    @Test
    void aReadOnlyDatabaseIsToldWithThePathAndWhatToDo() throws Exception {
        Path db = dir.resolve("ro.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t(x)");
        }
        // opened read-only, as on a read-only mount (tests run as root here, so chmod would not stop a write)
        org.sqlite.SQLiteConfig readOnly = new org.sqlite.SQLiteConfig();
        readOnly.setReadOnly(true);
        org.sqlite.SQLiteDataSource ds = new org.sqlite.SQLiteDataSource(readOnly);
        ds.setUrl("jdbc:sqlite:" + db);
        {
            SqliteErrors.database(db.toString());
            RuntimeException e = assertThrows(RuntimeException.class,
                    () -> JdbcClient.create(ds).sql("INSERT INTO t VALUES (1)").update());

            String shown = SqliteErrors.explain(e).orElseThrow(() -> new AssertionError("not explained", e));
            assertTrue(shown.contains(db.toString()) && shown.contains("cannot be written (SQLITE_READONLY)")
                    && shown.contains("writable"), shown);
        }
    }

    @Test
    void aDatabaseThatCannotBeCreatedIsToldWithItsPath() throws Exception {
        // a folder that exists but takes no new file, whoever runs the test (root is not stopped by permissions)
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(Path.of("/proc/self")), "Linux /proc");
        Path db = Path.of("/proc/rekindle-test.db");
        DatabaseLocation location = DatabaseLocation.resolve(null, db.toString(), true);

        RuntimeException e = assertThrows(RuntimeException.class, () -> new DataSourceConfig().dataSource(location,
                new org.springframework.boot.jdbc.autoconfigure.DataSourceProperties(), new DatabaseOptions(true, null)));

        String shown = SqliteErrors.explain(e).orElseThrow(() -> new AssertionError("not explained", e));
        assertTrue(shown.startsWith("cannot open the database " + db + " (SQLITE_CANTOPEN)"), shown);
    }

    @Test
    void aDatabaseFolderThatCannotBeMadeSaysWhy() throws Exception {
        Path notAFolder = java.nio.file.Files.writeString(dir.resolve("plain.txt"), "x");

        dev.rekindle.console.UserException e = assertThrows(dev.rekindle.console.UserException.class,
                () -> DatabaseLocation.resolve(null, notAFolder.resolve("shop.db").toString(), true));

        assertTrue(e.getMessage().contains(notAFolder + " is a file, not a folder") && e.getMessage().contains("--db"), e.getMessage());
    }

    @Test
    void somethingElseIsNotExplainedAway() {
        assertTrue(SqliteErrors.explain(new IllegalStateException("no")).isEmpty());
    }
}
