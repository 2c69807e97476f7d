package dev.rekindle.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomerImportTests extends ImportTestSupport {

    @Test
    void shouldImportProfilesFromAGbkMemberExport() {
        Result r = run("customers import " + fixture("customers-gbk.csv"));

        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("(profiles, GBK/GB18030, comma-separated)"), r.out());
        assertTrue(r.out().contains("customers    3 added, 0 updated, 0 unchanged"), r.out());
        Map<String, Object> alice = customer("tb_alice");
        assertEquals("王小明", alice.get("name"));
        assertEquals("13812341234", alice.get("mobile"));
        assertEquals("alice@example.com", alice.get("email"));
        assertEquals("wx_alice88", alice.get("wechat_id"));
        assertEquals("1990-05-20", alice.get("birthday"));
        assertEquals("F", alice.get("gender"));
        assertEquals("vip", alice.get("member_level"));
        assertEquals(1200, alice.get("points"));
        assertEquals("2020-01-15 00:00:00", alice.get("created_at"));
        Map<String, Object> bob = customer("tb_bob");
        assertEquals("masked", bob.get("mobile_note"));
        assertEquals("--03-08", bob.get("birthday"), "month and day only");
        assertEquals("normal", bob.get("member_level"));
        assertEquals("svip", customer("tb_zoe").get("member_level"));
        assertEquals(5000, customer("tb_zoe").get("points"));
    }

    @Test
    void reimportShouldChangeNothingAndEmptyCellsShouldKeepStoredValues() {
        Path file = fixture("customers-gbk.csv");
        run("customers import " + file);
        String before = contents();

        Result again = run("customers import " + file);
        assertTrue(again.out().contains("0 added, 0 updated, 3 unchanged"), again.out());
        assertEquals(before, contents());

        Path update = write("update.csv", """
                customer_id,mobile,city,points
                tb_alice,,上海,1500
                tb_bob,13900001111,,
                tb_new,,,
                """);
        Result changed = run("customers import " + update);

        assertTrue(changed.out().contains("1 added, 2 updated, 0 unchanged"), changed.out());
        assertEquals("13812341234", customer("tb_alice").get("mobile"), "an empty cell keeps the number");
        assertEquals("上海", customer("tb_alice").get("city"));
        assertEquals(1500, customer("tb_alice").get("points"));
        assertEquals("13900001111", customer("tb_bob").get("mobile"), "a full number replaces a masked one");
        assertNull(customer("tb_bob").get("mobile_note"));
        assertEquals("normal", customer("tb_bob").get("member_level"));
    }

    @Test
    void aMaskedNumberShouldNotReplaceAFullOne() {
        run("customers import " + fixture("customers-gbk.csv"));

        run("customers import " + write("masked.csv", "买家会员名,手机\ntb_alice,138****1234\n"));

        assertEquals("13812341234", customer("tb_alice").get("mobile"));
    }

    @Test
    void badProfileValuesShouldBeLocatedAndRefused() {
        run("customers import " + fixture("customers-gbk.csv"));
        String before = contents();
        Path file = write("bad.csv", """
                customer_id,email,gender,member_level,birthday
                c1,a@example.com,F,vip,1990-01-01
                c2,not-an-email,M,normal,1991-02-02
                c3,c@example.com,robot,gold,1992-03-03
                c4,d@example.com,F,diamond,1993-04-04
                c1,e@example.com,F,vip,1990-01-01
                """);

        Result r = run("customers import " + file);

        assertEquals(1, r.exit());
        // the repeated c1 is found when writing, which stops at the first bad row: 3 are reported
        assertTrue(r.err().contains("bad.csv: 3 bad rows; nothing was imported"), r.err());
        assertTrue(r.err().contains("line 3, column email: 'not-an-email' is not an email address"), r.err());
        assertTrue(r.err().contains("line 4, column gender: 'robot' is not a gender"), r.err());
        assertTrue(r.err().contains("line 5, column member_level: 'diamond' is not a member level"), r.err());
        assertEquals(before, contents());

        Result skipped = run("customers import " + file + " --skip-bad");
        assertEquals(0, skipped.exit(), skipped.all());
        assertTrue(skipped.out().contains("customers    1 added"), skipped.out());
        assertTrue(skipped.out().contains("rejected     4 bad rows written to " + dir.resolve("bad.rejects.csv")), skipped.out());
        assertTrue(skipped.err().isEmpty(), skipped.err());
    }

    @Test
    void duplicateBuyersInOneFileShouldBeBadRows() {
        Result r = run("customers import " + write("dup.csv", "customer_id,name\nd1,A\nd2,B\nd1,C\n"));

        assertEquals(1, r.exit());
        assertTrue(r.err().contains("line 4, column customer_id: 'd1' appears again"), r.err());
        assertEquals(0L, count("customers"));
    }

    /** Customers go in by the fifty per statement: rows new, known and repeated inside one group are each told apart. */
    @Test
    void aReimportMixingNewKnownAndRepeatedBuyersShouldCountEveryRowOnce() {
        StringBuilder first = new StringBuilder("customer_id,name\n");
        for (int i = 1; i <= 60; i++) first.append("b").append(i).append(",N").append(i).append('\n');
        run("customers import " + write("first.csv", first.toString()));

        StringBuilder second = new StringBuilder("customer_id,name\n");
        for (int i = 31; i <= 130; i++) {
            second.append("b").append(i).append(i == 40 ? ",Renamed" : ",N" + i).append('\n');
            if (i == 120) second.append("b100,Other\n");   // line 92: b100 again, among new buyers
        }
        Result r = run("customers import " + write("second.csv", second.toString()) + " --skip-bad");

        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("70 added, 1 updated, 29 unchanged"), r.out());
        assertTrue(r.out().contains("rejected     1 bad row"), r.out());
        assertEquals(130L, count("customers"));
        assertEquals("N100", customer("b100").get("name"), "the first of two rows with one buyer id is kept");
        assertEquals("Renamed", customer("b40").get("name"));
    }

    @Test
    void customersFromProfilesAndFromOrdersShouldBeTheSamePeople() {
        run("customers import " + fixture("customers-gbk.csv"));

        Result r = run("orders import " + fixture("taobao-orders-gbk.csv"));

        assertTrue(r.out().contains("customers    3 added, 1 updated (from the order rows)"), r.out());
        assertEquals(5L, count("customers") - 1, "tb_zoe has no orders; the other 5 buyers exist once each");
        assertEquals("2020-01-15 00:00:00", customer("tb_alice").get("created_at"), "an existing customer keeps the date");
        assertStatsMatchOrders();
    }
}
