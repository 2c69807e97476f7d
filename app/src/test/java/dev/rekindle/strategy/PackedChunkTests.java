package dev.rekindle.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rekindle.customer.Consents;
import dev.rekindle.customer.ContactAddresses;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Packed rows read a chunk at a time (one text, a row per line) decode value for value — names holding
 * line breaks and quotes included — in customer order, with consents; anything else asks for a live read.
 */
class PackedChunkTests {

    @TempDir
    Path tmp;

    private JdbcTemplate jdbc;
    private PackedRows reader;

    @BeforeEach
    void database() {
        SingleConnectionDataSource ds = new SingleConnectionDataSource("jdbc:sqlite:" + tmp.resolve("t.db"), true);
        jdbc = new JdbcTemplate(ds);
        jdbc.execute("CREATE TABLE consents (customer_id INTEGER, channel TEXT, granted INTEGER)");
        jdbc.execute("CREATE TABLE members (customer_id INTEGER PRIMARY KEY, planned_row TEXT)");
        jdbc.execute("CREATE TABLE customer_contacts (customer_id INTEGER, kind TEXT, address TEXT)");
        String[] names = {"王\n小\"明", "李四\\", null, "Zoë, \"the\" ]"};
        for (int i = 0; i < names.length; i++) {
            long id = 10 + i;
            // the customer's 22 fields (id, buyer, name, mobile…), one extra value (the channel), the amount
            jdbc.update("INSERT INTO members VALUES (?, json_array(?, ?, ?, ?, NULL, NULL, NULL, NULL, 'F', '杭州', NULL, 0,"
                    + " 'silent', NULL, 120, 2, 3, 2, 4, NULL, NULL, NULL, 'sms', 88.5))", id, id, "b" + id, names[i], "1390000000" + i);
        }
        jdbc.update("INSERT INTO consents VALUES (11, 'sms', 0)");
        reader = new PackedRows(jdbc, new ContactAddresses("老客福利群"), new Consents(jdbc));
    }

    private record Seen(long id, String buyer, String name, String mobile, String channel, Map<String, Boolean> consents) {
    }

    private static List<Seen> seen(List<PackedRows.Packed<String>> rows) {
        return rows.stream().map(p -> new Seen(p.customer().id(), p.customer().buyerId(), p.customer().name(),
                p.customer().address(dev.rekindle.api.ContactKind.MOBILE), p.extra(), p.consents())).toList();
    }

    @Test
    void aChunkReadAsOneTextShouldDecodeEveryRow() {
        List<Seen> chunk = seen(reader.read("members WHERE customer_id > ?", List.of(0), "customer_id", 0, 1, v -> v[0])
                .orElseThrow());

        assertEquals(List.of(10L, 11L, 12L, 13L), chunk.stream().map(Seen::id).toList());
        assertEquals(List.of("b10", "b11", "b12", "b13"), chunk.stream().map(Seen::buyer).toList());
        assertEquals("王\n小\"明", chunk.get(0).name());
        assertEquals("李四\\", chunk.get(1).name());
        assertEquals(null, chunk.get(2).name());
        assertEquals("Zoë, \"the\" ]", chunk.get(3).name());
        assertEquals("13900000001", chunk.get(1).mobile());
        assertEquals(Map.of("sms", false), chunk.get(1).consents());
        assertEquals("sms", chunk.get(2).channel());
    }

    @Test
    void anAddressOfAPluginKindIsReadBesideThePackedRow() {
        jdbc.update("INSERT INTO customer_contacts VALUES (12, 'line', 'U4af4980629')");
        List<PackedRows.Packed<String>> chunk = reader.read("members WHERE customer_id > ?", List.of(0), "customer_id", 0, 1,
                v -> v[0]).orElseThrow();

        dev.rekindle.api.ContactKind line = dev.rekindle.api.ContactKind.of("line");
        assertEquals("U4af4980629", chunk.get(2).customer().address(line));
        assertEquals(null, chunk.get(1).customer().address(line), "nobody else has one");
        assertEquals(null, chunk.get(2).customer().address(dev.rekindle.api.ContactKind.of("dingtalk")));
    }

    @Test
    void aLimitShouldTakeTheFirstRowsInCustomerOrder() {
        List<Seen> chunk = seen(reader.read("members WHERE customer_id > ?", List.of(10), "customer_id", 2, 1, v -> v[0])
                .orElseThrow());

        assertEquals(List.of(11L, 12L), chunk.stream().map(Seen::id).toList());
    }

    @Test
    void rowsOutOfCustomerOrderShouldAskForALiveRead() {
        assertTrue(reader.read("members", List.of(), "customer_id DESC", 100, 1, v -> v[0]).isEmpty());
    }

    @Test
    void aMemberWithoutAPackedRowShouldAskForALiveRead() {
        jdbc.update("UPDATE members SET planned_row = NULL WHERE customer_id = 12");

        assertTrue(reader.read("members", List.of(), "customer_id", 0, 1, v -> v[0]).isEmpty());
        assertEquals(1, seen(reader.read("members WHERE customer_id < 12", List.of(), "customer_id", 0, 1, v -> v[0])
                .orElseThrow()).size() - 1);
    }

    @Test
    void anEmptyChunkShouldBeEmpty() {
        assertEquals(List.of(), reader.read("members WHERE customer_id > 99", List.of(), "customer_id", 0, 1, v -> v[0])
                .orElseThrow());
    }
}
