package dev.rekindle.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 20 item 4: no import loses rows silently. The probe's inputs: a 1,000-row file with a stray quote
 * in its last column, UTF-8 and GBK rows in one file, duplicate header names, and oversized header/cells.
 * Each is refused naming file, line and column, and the database stays as it was.
 */
class SilentRowLossTests extends ImportTestSupport {

    static final Charset GBK = Charset.forName("GBK");

    String before;

    @BeforeEach
    void someDataAlready() {
        assertEquals(0, run("orders import " + fixture("taobao-orders-gbk.csv")).exit());
        before = contents();
    }

    private Result refused(Path file, String command) {
        Result r = run(command + " " + file);
        assertEquals(1, r.exit(), r.all());
        assertEquals(before, contents(), "the database is unchanged");
        return r;
    }

    @Test
    void aStrayQuoteInTheLastColumnOfAThousandRowsShouldBeRefusedNotReadAsElevenRows() throws Exception {
        StringBuilder sb = new StringBuilder("customer_id,name,city\n");
        for (int i = 1; i <= 1000; i++) {
            sb.append("c").append(i).append(",name").append(i).append(',').append(i == 12 ? "\"stray" : "杭州").append('\n');
        }
        Path file = write("stray.csv", sb.toString());

        Result r = refused(file, "customers import");

        assertTrue(r.err().contains("stray.csv line 13, column city (3): a quote (\") opens a value here that runs over 989 lines"),
                r.err());
        assertTrue(r.err().contains("it is never closed and takes the rest of the file"), r.err());
        assertTrue(r.err().length() < 1000, "the swallowed rows are not echoed: " + r.err().length());
    }

    @Test
    void aStrayQuoteClosedByALaterQuoteIsRefusedToo() throws Exception {
        StringBuilder sb = new StringBuilder("customer_id,name,city\n");
        for (int i = 1; i <= 30; i++) {
            sb.append("c").append(i).append(",name").append(i).append(',')
                    .append(i == 5 ? "\"stray" : i == 20 ? "上海\"" : "杭州").append('\n');
        }
        Result r = refused(write("stray2.csv", sb.toString()), "customers import");

        assertTrue(r.err().contains("stray2.csv line 6, column city (3): a quote (\") opens a value here that runs over 16 lines"), r.err());
        assertTrue(r.err().contains("the next quote, 15 lines further down, closes it"), r.err());
    }

    @Test
    void anAddressOverTwoLinesInQuotesIsStillFine() throws Exception {
        Path file = write("address.csv", "customer_id,name,city\nc1,王小明,\"杭州市\n西湖区\"\nc2,李雷,上海\n");

        Result r = run("customers import " + file);

        assertEquals(0, r.exit(), r.all());
        assertEquals("杭州市\n西湖区", customer("c1").get("city"));
    }

    @Test
    void utf8RowsInAGbkFileShouldBeRefusedNotStoredAsMojibake() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write("customer_id,name,city\n".getBytes(StandardCharsets.US_ASCII));
        out.write("g1,李四,杭州\n".getBytes(GBK));
        out.write("u1,张三,上海\n".getBytes(StandardCharsets.UTF_8));
        out.write("g2,王五,北京\n".getBytes(GBK));
        Path file = dir.resolve("mixed.csv");
        Files.write(file, out.toByteArray());

        Result r = refused(file, "customers import");

        assertTrue(r.err().contains("mixed.csv line 3, column name (2): this line is UTF-8 text ('张三') but the file is read as GBK"),
                r.err());
        assertTrue(r.err().contains("would be stored as '寮犱笁'"), r.err());
    }

    @Test
    void aGbkRowAfterUtf8RowsIsRefusedEitherWay() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write("customer_id,name,city\nu1,张三,上海\n".getBytes(StandardCharsets.UTF_8));
        out.write("g1,李四,杭州\n".getBytes(GBK));
        Path file = dir.resolve("mixed2.csv");
        Files.write(file, out.toByteArray());

        Result r = refused(file, "customers import");

        assertTrue(r.err().contains("mixed2.csv line 2, column name (2): this line is UTF-8 text ('张三')"), r.err());
    }

    @Test
    void gbkFilesWithShortChineseValuesAreNotMistakenForUtf8() throws Exception {
        StringBuilder sb = new StringBuilder("customer_id,name,city\n");
        String[] names = {"王", "李", "张伟", "刘洋", "陈静", "杨", "赵敏", "黄", "周杰", "吴", "徐", "孙丽", "马", "朱", "胡", "郭", "何", "高"};
        String[] cities = {"杭州", "上海", "北京", "深圳", "广州", "成都", "重庆", "西安", "南京", "武汉"};
        for (int i = 0; i < 400; i++) {
            sb.append("c").append(i).append(',').append(names[i % names.length]).append(',').append(cities[i % cities.length]).append('\n');
        }
        Path file = dir.resolve("gbk.csv");
        Files.write(file, sb.toString().getBytes(GBK));

        Result r = run("customers import " + file);

        assertEquals(0, r.exit(), r.all());
        assertEquals("张伟", customer("c2").get("name"));
    }

    @Test
    void duplicateHeaderNamesShouldAskForMapAndTheMapShouldWork() throws Exception {
        Path file = write("dup.csv", "order_id,customer_id,time,Total,Total\nD-1,d1,2024-01-01 10:00:00,10.00,12.00\n");

        Result r = refused(file, "orders import");

        assertTrue(r.err().contains("dup.csv line 1: 2 columns are named 'Total' (columns #4, #5), and amount"), r.err());
        assertTrue(r.err().contains("--map amount=#4"), r.err());
        Result mapped = run("orders import " + file + " --map amount=#5");
        assertEquals(0, mapped.exit(), mapped.all());
        assertEquals(12.0, ((Number) order("D-1").get("amount")).doubleValue());
    }

    @Test
    void aHugeHeaderNameOrCellIsReportedByItsLengthNotEchoed() throws Exception {
        String huge = "x".repeat(10 * 1024 * 1024);
        Path header = write("header.csv", "order_id,customer_id,time," + huge + "\nH-1,h1,2024-01-01 10:00:00,1.00\n");
        Path cell = write("cell.csv", "order_id,customer_id,time,amount\nC-1,c1," + "y".repeat(100_000) + ",1.00\n");

        Result h = refused(header, "orders import");
        Result c = refused(cell, "orders import");

        assertTrue(h.err().contains("header.csv line 1, column #4: the column name is 10,485,760 characters long"), h.err().substring(0, Math.min(300, h.err().length())));
        assertTrue(h.err().length() < 1000, "not echoed: " + h.err().length());
        assertTrue(c.err().contains("cell.csv line 2, column time (3): the value is 100,000 characters long"), c.err().substring(0, Math.min(300, c.err().length())));
        assertTrue(c.err().length() < 1000, "not echoed: " + c.err().length());
        assertFalse(c.err().contains("yyyy"));
    }
}
