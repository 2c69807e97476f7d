package dev.rekindle.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The schema evolves by migrations without losing an operator's data (real SQLite file). */
class SchemaMigratorTests {

    @TempDir
    Path tmp;
    HikariDataSource ds;
    JdbcClient jdbc;
    SchemaMigrator migrator;

    @BeforeEach
    void open() {
        ds = new HikariDataSource();
        ds.setJdbcUrl(DatabaseLocation.resolve(null, tmp.resolve("sub/shop.db").toString(), true).jdbcUrl());
        jdbc = JdbcClient.create(ds);
        migrator = new SchemaMigrator(ds);
    }

    @AfterEach
    void close() {
        ds.close();
    }

    @Test
    void shouldCreateEveryTableOnANewDatabaseAndRecordTheVersions() {
        List<Integer> applied = migrator.migrate();

        assertEquals(SchemaMigrator.available().stream().map(SchemaMigrator.Migration::version).toList(), applied);
        List<String> tables = jdbc.sql("SELECT name FROM sqlite_master WHERE type = 'table'").query(String.class).list();
        assertTrue(tables.containsAll(List.of("customers", "orders", "products", "consents", "customer_stats",
                "settings", "schema_version")), tables.toString());
    }

    @Test
    void shouldKeepDataAndApplyNothingTheSecondTime() {
        migrator.migrate();
        jdbc.sql("INSERT INTO customers(id, buyer_id, name) VALUES (1, 'tb1', '王芳')").update();

        assertEquals(List.of(), migrator.migrate());
        assertEquals("王芳", jdbc.sql("SELECT name FROM customers WHERE buyer_id = 'tb1'").query(String.class).single());
    }

    @Test
    void shouldApplyAMissingEarlierVersionThatLandedLater() {
        migrator.migrate();
        int last = migrator.currentVersion();
        jdbc.sql("DELETE FROM schema_version WHERE version = 3").update();
        // undo everything V3 (segments) does
        jdbc.sql("DROP TABLE customer_snapshot").update();
        jdbc.sql("DROP TABLE snapshot_cells").update();
        jdbc.sql("DROP TABLE snapshots").update();
        jdbc.sql("DROP TABLE segment_definitions").update();
        jdbc.sql("ALTER TABLE customer_stats DROP COLUMN main_category").update();

        assertEquals(List.of(3), migrator.migrate());
        assertEquals(last, migrator.currentVersion());
    }

    @Test
    void shouldEnforceForeignKeysOnEveryConnection() {
        migrator.migrate();

        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> jdbc.sql(
                "INSERT INTO orders(order_no, customer_id, created_at, amount, status) VALUES ('o1', 999, '2025-01-01', 1, 'paid')")
                .update());
        assertTrue(e.getMessage().contains("FOREIGN KEY"), e.getMessage());
    }
}
