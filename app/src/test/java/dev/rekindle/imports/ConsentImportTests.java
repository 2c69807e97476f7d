package dev.rekindle.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConsentImportTests extends ImportTestSupport {

    @BeforeEach
    void customers() {
        assertEquals(0, run("orders import " + fixture("taobao-orders-gbk.csv")).exit());
        assertEquals(0, run("orders import " + fixture("tmall-suborders.csv")).exit());
    }

    Map<String, Object> consent(String buyerId, String channel) {
        return jdbc.sql("""
                SELECT k.* FROM consents k JOIN customers c ON c.id = k.customer_id WHERE c.buyer_id = ? AND k.channel = ?""")
                .params(buyerId, channel).query().listOfRows().stream().findFirst().orElse(Map.of());
    }

    @Test
    void smsRefusalRepliesShouldBeRecordedWithTheirProof() {
        Result r = run("consents import " + fixture("sms-replies.csv") + " --channel sms");

        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("mobile=手机号码, reply=回复内容, time=回复时间"), r.out());
        assertTrue(r.out().contains("consents     4 added"), r.out());
        assertTrue(r.out().contains("skipped      3 (no such customer: 2, not a yes/no answer: 1)"), r.out());
        // TD, T (from +86 158 0000 1234), 退订, n
        for (String buyer : new String[] {"tb_alice", "tb_dave", "tb_carol", "tm_mike"}) {
            assertEquals(0, consent(buyer, "sms").get("granted"), buyer);
        }
        // a privacy number (13900001111-1234) is shared by many buyers: a reply from its base number names nobody
        assertTrue(consent("tb_bob", "sms").isEmpty());
        Map<String, Object> alice = consent("tb_alice", "sms");
        assertEquals("2024-03-10 09:00:00", alice.get("recorded_at"));
        assertEquals("reply:TD; import:sms-replies.csv line 2", alice.get("source"));
        assertTrue(consent("tm_lily", "sms").isEmpty(), "谢谢 is not a decision");
    }

    @Test
    void optInsShouldBeRecordedPerChannelAndReimportShouldChangeNothing() {
        Path file = fixture("optins.csv");

        Result r = run("consents import " + file);

        assertEquals(0, r.exit(), r.all());
        assertEquals(1, consent("tm_mike", "email").get("granted"));
        assertEquals("reply:Y; import:optins.csv line 2; source:web form", consent("tm_mike", "email").get("source"));
        assertEquals(1, consent("tm_nina", "*").get("granted"));
        String before = contents();
        Result again = run("consents import " + file);
        assertTrue(again.out().contains("0 added, 0 updated, 2 unchanged"), again.out());
        assertEquals(before, contents());
    }

    @Test
    void anOlderDecisionShouldNotReplaceANewerOne() {
        run("consents import " + write("new.csv", "buyer_id,reply,time\ntb_alice,退订,2024-05-01 10:00:00\n"));

        Result r = run("consents import " + write("old.csv", "buyer_id,reply,time\ntb_alice,Y,2024-04-01 10:00:00\n"));

        assertTrue(r.out().contains("skipped      1 (older than the decision on record: 1)"), r.out());
        assertEquals(0, consent("tb_alice", "*").get("granted"));
        Result later = run("consents import " + write("later.csv", "buyer_id,reply,time\ntb_alice,同意,2024-06-01 10:00:00\n"));
        assertTrue(later.out().contains("0 added, 1 updated"), later.out());
        assertEquals(1, consent("tb_alice", "*").get("granted"));
    }

    @Test
    void aFileThatDoesNotSayWhoShouldBeRefused() {
        Result r = run("consents import " + write("who.csv", "reply,time\nTD,2024-01-01 10:00:00\n"));

        assertEquals(1, r.exit());
        assertTrue(r.err().contains("no column says who decided"), r.err());
        assertEquals(0L, count("consents"));
    }
}
