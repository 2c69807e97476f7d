package dev.rekindle.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A database Rekindle creates gets 8 KiB pages in WAL mode; one that exists keeps its own pages. */
class NewDatabaseFileTests {

    @TempDir
    Path tmp;

    @Test
    void aNewDatabaseShouldHaveEightKilobytePagesAndWriteAheadLog() throws Exception {
        DataSource ds = pool(tmp.resolve("new.db"));
        try {
            JdbcClient jdbc = JdbcClient.create(ds);
            new SchemaMigrator(ds).migrate();
            assertEquals(8192, jdbc.sql("PRAGMA page_size").query(Integer.class).single());
            assertEquals("wal", jdbc.sql("PRAGMA journal_mode").query(String.class).single());
            // big reads (dry runs, sends) go through the memory map, not read() calls: on every pooled connection
            assertEquals(2147418112L, jdbc.sql("PRAGMA mmap_size").query(Long.class).single());
        } finally {
            ((AutoCloseable) ds).close();
        }
    }

    @Test
    void anExistingDatabaseShouldKeepItsPageSizeAndData() throws Exception {
        Path file = tmp.resolve("old.db");
        try (Connection con = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = con.createStatement()) {
            st.execute("CREATE TABLE notes(text TEXT)");
            st.execute("INSERT INTO notes VALUES ('kept')");
        }
        DataSource ds = pool(file);
        try {
            JdbcClient jdbc = JdbcClient.create(ds);
            assertEquals(4096, jdbc.sql("PRAGMA page_size").query(Integer.class).single());
            assertEquals("kept", jdbc.sql("SELECT text FROM notes").query(String.class).single());
        } finally {
            ((AutoCloseable) ds).close();
        }
    }

    private static DataSource pool(Path file) {
        return new DataSourceConfig().dataSource(DatabaseLocation.resolve(null, file.toString(), true),
                new org.springframework.boot.jdbc.autoconfigure.DataSourceProperties(), new DatabaseOptions(true, null));
    }
}
