package dev.rekindle.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A bad row refuses the whole import (the database is unchanged) unless --skip-bad; messages locate it. */
class BadFileTests extends ImportTestSupport {

    String before;

    @BeforeEach
    void someDataAlready() {
        assertEquals(0, run("orders import " + fixture("taobao-orders-gbk.csv")).exit());
        before = contents();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            bad-date.csv        | line 3, column time: '2024-13-45 10:00:00' is not a date and time Rekindle can read. Write times as YYYY-MM-DD HH:MM:SS
            bad-amount.csv      | line 3, column amount: '12 yuan' is not an amount. Write amounts as plain numbers
            bad-missing-key.csv | line 3, column order_id: is empty: every row needs an order number. Fill it in
            bad-columns.csv     | line 3, column #6: 'paid' is one value too many: the row has 6 values but the header has 5. A value containing the separator must be in double quotes
            bad-duplicate.csv   | line 4, column order_id: 'B-1' appears again: this order number is on an earlier line too
            bad-encoding.csv    | bad-encoding.csv line 3, column customer_id (2): cannot read the value 'Caf\uFFFD' (bytes E9 2C): the file is neither UTF-8 nor GBK/GB18030
            """)
    void aBadRowShouldRefuseTheImportAndLeaveTheDatabaseUnchanged(String name, String message) {
        Path file = fixture(name);

        Result r = run("orders import " + file);

        assertEquals(1, r.exit(), r.all());
        assertTrue(r.err().contains(message), r.err());
        if (!name.equals("bad-encoding.csv")) {
            assertTrue(r.err().startsWith("Error: " + name + ": 1 bad row; nothing was imported (the database is unchanged)."), r.err());
            assertTrue(r.err().contains("or add --skip-bad"), r.err());
        }
        assertEquals(before, contents());
        assertFalse(Files.exists(dir.resolve(name.replace(".csv", ".rejects.csv"))));
    }

    @Test
    void bytesThatDoNotDecodeLaterInTheFileShouldBeLocated() throws Exception {
        // valid UTF-8 for more than the 64 KB the encoding is guessed from, then one GBK-encoded name
        StringBuilder sb = new StringBuilder("order_id,customer_id,time,amount\n");
        int line = 1;
        while (sb.length() < 70_000) {
            line++;
            sb.append("L").append(line).append(",u").append(line).append(",2024-01-01 10:00:00,1.00\n");
        }
        byte[] head = sb.toString().getBytes(StandardCharsets.UTF_8);
        byte[] tail = "X1,".getBytes(StandardCharsets.UTF_8);
        byte[] gbk = "王小明".getBytes("GBK");
        byte[] rest = ",2024-01-02 10:00:00,2.00\n".getBytes(StandardCharsets.UTF_8);
        Path file = dir.resolve("late.csv");
        Files.write(file, concat(head, tail, gbk, rest));

        Result r = run("orders import " + file);

        assertEquals(1, r.exit(), r.all());
        assertTrue(r.err().contains("late.csv line " + (line + 1) + ", column customer_id (2): cannot read the value"), r.err());
        assertTrue(r.err().contains("not valid UTF-8 text here"), r.err());
        assertTrue(r.err().contains("--encoding gbk"), r.err());
        assertEquals(before, contents());
    }

    @Test
    void skipBadShouldImportTheGoodRowsAndWriteTheBadOnesNextToTheFile() throws Exception {
        Path file = fixture("bad-date.csv");

        Result r = run("orders import " + file + " --skip-bad");

        assertEquals(0, r.exit(), r.all());
        Path rejects = dir.resolve("bad-date.rejects.csv");
        assertTrue(r.out().contains("rejected     1 bad row written to " + rejects), r.out());
        assertTrue(r.out().contains("orders       2 added"), r.out());
        List<String> lines = Files.readAllLines(rejects, StandardCharsets.UTF_8);
        assertEquals("\uFEFForder_id,customer_id,time,amount,rejected_because", lines.get(0));
        assertEquals("B-2,b2,2024-13-45 10:00:00,20.00,line 3: time: '2024-13-45 10:00:00' is not a date and time Rekindle can read",
                lines.get(1));
        assertEquals(2, lines.size());
        assertEquals(8L, count("orders"));
        // the user's umask decides who may read it, as for any file the user writes (createTempFile made it 0600)
        Path plain = Files.createFile(dir.resolve("plain.txt"));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(rejects));

        // fixed and imported again: the stale reject file goes away
        Files.writeString(file, Files.readString(file).replace("2024-13-45", "2024-01-02"));
        Result fixed = run("orders import " + file + " --skip-bad");
        assertTrue(fixed.out().contains("1 added, 0 updated, 2 unchanged"), fixed.out());
        assertFalse(Files.exists(rejects));
    }

    @Test
    void skipBadShouldKeepTheFirstOfTwoRowsWithTheSameOrderNumber() {
        Result r = run("orders import " + fixture("bad-duplicate.csv") + " --skip-bad");

        assertEquals(0, r.exit(), r.all());
        assertEquals(10.0, order("B-1").get("amount"));
        assertTrue(r.out().contains("rejected     1 bad row"), r.out());
        Result again = run("orders import " + dir.resolve("bad-duplicate.csv") + " --skip-bad");
        assertTrue(again.out().contains("0 added, 0 updated, 2 unchanged"), again.out());
        assertEquals(10.0, order("B-1").get("amount"), "the repeated row is refused on re-import too");
    }

    @Test
    void aRefusedImportShouldBeLogged() {
        run("orders import " + fixture("bad-amount.csv"));

        assertEquals("rejected", jdbc.sql("SELECT outcome FROM import_log ORDER BY id DESC LIMIT 1").query(String.class).single());
        assertEquals(1L, jdbc.sql("SELECT count(*) FROM import_log WHERE outcome = 'imported'").query(Long.class).single());
    }

    @Test
    void anExcelWorkbookShouldBeRecognised() throws Exception {
        Path file = dir.resolve("orders.xlsx");
        Files.write(file, new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0});

        Result r = run("orders import " + file);

        assertEquals(1, r.exit());
        assertTrue(r.err().contains("is an Excel workbook (.xlsx), not a CSV text file"), r.err());
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) n += p.length;
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
