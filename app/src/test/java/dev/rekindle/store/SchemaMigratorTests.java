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
    void shouldApplyAMissingEarlierVersionThatLandedLater() throws Exception {
        // features developed in parallel: V3 was released before V2
        Path dir = java.nio.file.Files.createDirectories(tmp.resolve("migrations"));
        java.nio.file.Files.writeString(dir.resolve("V1__a.sql"), "CREATE TABLE a (x INTEGER);");
        java.nio.file.Files.writeString(dir.resolve("V3__c.sql"), "CREATE TABLE c (x INTEGER);");
        SchemaMigrator own = new SchemaMigrator(ds, "file:" + dir + "/V*.sql");
        assertEquals(List.of(1, 3), own.migrate());
        java.nio.file.Files.writeString(dir.resolve("V2__b.sql"), "CREATE TABLE b (x INTEGER);\nINSERT INTO b VALUES (2);");

        assertEquals(List.of(2), own.migrate());
        assertEquals(2, jdbc.sql("SELECT x FROM b").query(Integer.class).single());
        assertEquals(3, own.currentVersion());
    }

    @Test
    void aFailingMigrationShouldLeaveTheDatabaseAsItWas() throws Exception {
        Path dir = java.nio.file.Files.createDirectories(tmp.resolve("broken"));
        java.nio.file.Files.writeString(dir.resolve("V1__a.sql"), "CREATE TABLE a (x INTEGER);");
        java.nio.file.Files.writeString(dir.resolve("V2__b.sql"), "CREATE TABLE b (x INTEGER);\nINSERT INTO nowhere VALUES (1);");
        SchemaMigrator own = new SchemaMigrator(ds, "file:" + dir + "/V*.sql");

        org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, own::migrate);

        assertEquals(1, own.currentVersion());
        assertEquals(0, jdbc.sql("SELECT count(*) FROM sqlite_master WHERE name = 'b'").query(Integer.class).single(),
                "the half-applied migration was rolled back");
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
