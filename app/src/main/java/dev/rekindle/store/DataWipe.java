package dev.rekindle.store;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Empties every data table (customers, orders, campaigns, ledger, snapshots…) but keeps the schema
 * history and settings: for {@code demo reset} and tests. Tables are emptied newest first, so that a
 * table referring to an older one is emptied before it.
 */
public final class DataWipe {

    private DataWipe() {
    }

    public static void allData(JdbcClient jdbc) {
        // SQLite's catalogue: the one dialect-specific query here; rowid order is creation order.
        List<String> tables = jdbc.sql("""
                SELECT name FROM sqlite_master
                WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('schema_version', 'settings')
                ORDER BY rowid DESC""").query(String.class).list();
        for (String table : tables) {
            jdbc.sql("DELETE FROM " + table).update();
        }
    }
}
