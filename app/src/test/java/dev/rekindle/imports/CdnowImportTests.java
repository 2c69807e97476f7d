package dev.rekindle.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The CDNOW master file (Fader, Hardie &amp; Lee) from ../shared/data/cdnow, counted independently of the importer. */
class CdnowImportTests extends ImportTestSupport {

    static Path master() {
        return Path.of(System.getProperty("rekindle.shared.dir", "../../shared"), "data", "cdnow", "CDNOW_master.txt");
    }

    @Test
    void shouldImportEveryTransactionAndCustomer() throws Exception {
        Path file = master();
        assertTrue(Files.exists(file), "the shared CDNOW file is missing: " + file.toAbsolutePath());
        // counted here with plain Java: data lines and distinct customer ids
        List<String> lines = Files.readAllLines(file).stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
        Set<String> ids = new HashSet<>();
        lines.stream().skip(1).forEach(l -> ids.add(l.split("\\s+")[0]));
        double dollars = lines.stream().skip(1).mapToDouble(l -> Double.parseDouble(l.split("\\s+")[3])).sum();
        assertEquals(69_659, lines.size() - 1);
        assertEquals(23_570, ids.size());

        Result r = run("orders import " + file);

        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("(cdnow, UTF-8, space-separated)"), r.out());
        assertTrue(r.out().contains("orders       69,659 added"), r.out());
        assertTrue(r.out().contains("customers    23,570 added"), r.out());
        assertEquals(69_659L, count("orders"));
        assertEquals(23_570L, count("customers"));
        assertEquals(Math.round(dollars * 100), Math.round(jdbc.sql("SELECT sum(amount) FROM orders").query(Double.class).single() * 100));
        // same-day purchases stay separate orders, numbered in file order
        assertEquals(12.0, order("00002-19970112-1").get("amount"));
        assertEquals(77.0, order("00002-19970112-2").get("amount"));
        assertEquals(5, order("00002-19970112-2").get("item_count"));
        assertEquals("1997-01-01 00:00:00", customer("00001").get("created_at"));
        assertStatsMatchOrders();

        Result again = run("orders import " + file + " --format cdnow");
        assertTrue(again.out().contains("0 added, 0 updated, 69,659 unchanged"), again.out());
    }
}
