package dev.rekindle.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rekindle.support.ShellTestSupport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Import tests: an empty store per test, fixture files copied into a temp folder, table snapshots. */
abstract class ImportTestSupport extends ShellTestSupport {

    static final List<String> DATA_TABLES = List.of("customers", "orders", "customer_stats", "returns", "consents");

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    @BeforeEach
    void emptyStore() {
        List<String> tables = jdbc.sql("""
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
                AND name NOT IN ('schema_version', 'settings') ORDER BY rowid DESC""").query(String.class).list();
        tables.forEach(t -> jdbc.sql("DELETE FROM " + t).update());
    }

    /** Copies {@code src/test/resources/imports/NAME} into this test's folder (reject files land there). */
    Path fixture(String name) {
        try (InputStream in = getClass().getResourceAsStream("/imports/" + name)) {
            if (in == null) throw new IllegalArgumentException("no fixture " + name);
            Path target = dir.resolve(name);
            Files.copy(in, target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path write(String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every row of the data tables, in a stable order: equal strings mean equal contents. */
    String contents() {
        StringBuilder sb = new StringBuilder();
        for (String table : DATA_TABLES) {
            sb.append("== ").append(table).append('\n');
            jdbc.sql("SELECT * FROM " + table + " ORDER BY 1, 2").query().listOfRows()
                    .forEach(r -> sb.append(r.values().stream().map(String::valueOf).collect(Collectors.joining("|"))).append('\n'));
        }
        return sb.toString();
    }

    long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    Map<String, Object> order(String orderNo) {
        return jdbc.sql("""
                SELECT o.*, c.buyer_id FROM orders o JOIN customers c ON c.id = o.customer_id WHERE order_no = ?""")
                .param(orderNo).query().singleRow();
    }

    Map<String, Object> customer(String buyerId) {
        return jdbc.sql("SELECT * FROM customers WHERE buyer_id = ?").param(buyerId).query().singleRow();
    }

    Map<String, Object> stats(String buyerId) {
        return jdbc.sql("""
                SELECT s.* FROM customer_stats s JOIN customers c ON c.id = s.customer_id WHERE c.buyer_id = ?""")
                .param(buyerId).query().listOfRows().stream().findFirst().orElse(Map.of());
    }

    /** customer_stats must equal a recomputation from orders (what CustomerStats.refreshAll would write). */
    void assertStatsMatchOrders() {
        String expected = jdbc.sql("""
                SELECT customer_id, min(created_at), max(created_at), count(*), round(sum(amount), 2) FROM orders
                WHERE status IN ('paid', 'completed') GROUP BY customer_id ORDER BY customer_id""")
                .query().listOfRows().stream().map(r -> r.values().toString()).collect(Collectors.joining("\n"));
        String actual = jdbc.sql("""
                SELECT customer_id, first_order_at, last_order_at, order_count, revenue FROM customer_stats
                ORDER BY customer_id""")
                .query().listOfRows().stream().map(r -> r.values().toString()).collect(Collectors.joining("\n"));
        assertEquals(expected, actual, "customer_stats differs from the orders");
    }
}
