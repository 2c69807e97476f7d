package dev.rekindle.store;

import java.sql.Statement;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * SQLite only: reads of a million rows through a 2 MB page cache spend as much time in read() system
 * calls as in SQL; memory-mapping the file removes them. Asked before each big read, as it is set once per
 * pooled connection (harmless to repeat); other databases ignore this.
 */
@Component
public class MemoryMappedReads {

    private final JdbcTemplate jdbc;
    private volatile Boolean sqlite;

    public MemoryMappedReads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void enable() {
        if (sqlite == null) {
            sqlite = Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>)
                    con -> con.getMetaData().getURL().startsWith("jdbc:sqlite")));
        }
        if (sqlite) {
            jdbc.execute((ConnectionCallback<Void>) con -> {
                try (Statement st = con.createStatement()) {
                    st.execute("PRAGMA mmap_size = 2147418112");
                }
                return null;
            });
        }
    }
}
