package dev.rekindle.imports.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rekindle.console.UsageException;
import dev.rekindle.console.UserException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextFileTests {

    @TempDir
    Path dir;

    Path file(String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void shouldDetectGbkUtf8AndBoms() throws Exception {
        String text = "订单编号,买家会员名\n1,王小明\n";
        assertEquals(TextFile.GB18030, TextFile.open(file("gbk.csv", text.getBytes("GBK")), "auto").charset());
        assertEquals(StandardCharsets.UTF_8, TextFile.open(file("utf8.csv", text.getBytes(StandardCharsets.UTF_8)), "auto").charset());
        byte[] bom = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
        TextFile withBom = TextFile.open(file("bom.csv", bom), "auto");
        assertEquals(3, withBom.bomBytes());
        byte[] utf16 = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16LE);
        assertEquals(StandardCharsets.UTF_16LE, TextFile.open(file("u16.csv", utf16), "auto").charset());
    }

    @Test
    void rowsShouldHaveCleanHeadersAndLineNumbers() throws Exception {
        Path p = file("t.csv", ("\uFEFF 订单编号 ,\"说明\"\n1,\"a, \"\"quoted\"\"\nsecond line\"\n2,b\n").getBytes(StandardCharsets.UTF_8));
        try (CsvRows rows = CsvRows.open(TextFile.open(p, "auto"))) {
            assertEquals(List.of("订单编号", "说明"), rows.header());
            Row first = rows.next();
            assertEquals(2, first.line());
            assertEquals("a, \"quoted\"\nsecond line", first.get(1));
            assertEquals(4, rows.next().line());
            assertEquals(null, rows.next());
        }
    }

    @Test
    void tabsAndSemicolonsShouldBeRecognised() throws Exception {
        Path tab = file("tab.txt", "a\tb\n1\t2\n".getBytes(StandardCharsets.UTF_8));
        try (CsvRows rows = CsvRows.open(TextFile.open(tab, "auto"))) {
            assertEquals(List.of("a", "b"), rows.header());
            assertTrue(rows.describe().endsWith("tab-separated"));
        }
    }

    @Test
    void badOptionsAndMissingFilesShouldSaySo() {
        assertThrows(UsageException.class, () -> TextFile.open(dir.resolve("x"), "latin1"));
        UserException e = assertThrows(UserException.class, () -> TextFile.open(dir.resolve("missing.csv"), "auto"));
        assertTrue(e.getMessage().startsWith("file not found: "), e.getMessage());
        assertThrows(UserException.class, () -> TextFile.open(dir, "auto"));
    }

    @Test
    void aForcedEncodingShouldBeUsed() throws Exception {
        Path p = file("g.csv", "a\n王\n".getBytes(Charset.forName("GBK")));
        assertEquals(TextFile.GB18030, TextFile.open(p, "gbk").charset());
    }

    @Test
    void columnsShouldBeMatchedWithoutCaseSpacesOrPunctuation() {
        List<Field> fields = List.of(Field.of("order_id", "", "order_id"), Field.of("amount", "", "amount", "实付金额"));
        Columns c = Columns.resolve("f.csv", List.of("Order ID", " 实付金额 "), fields, Set.of("order_id", "amount"), Map.of());
        assertEquals(0, c.index("order_id"));
        assertEquals(1, c.index("amount"));
        Columns byPosition = Columns.resolve("f.csv", List.of("x", "y"), fields, Set.of(), Columns.parseMap("order_id=#2"));
        assertEquals(1, byPosition.index("order_id"));
    }
}
