package dev.rekindle.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 20 case 2: a consent dated in the future must not outrank the refusals that come after it, and
 * future dates never pass unnoticed (consents are clamped to the import time, orders are flagged).
 */
@TestPropertySource(properties = "rekindle.delivery.quiet-hours=none")
class ConsentTimelineTests extends ImportTestSupport {

    @BeforeEach
    void zhang() {
        Result r = run("customers import " + write("customers.csv", "buyer_id,name,mobile\ntb_zhang,张三,15266551696\n"));
        assertEquals(0, r.exit(), r.all());
    }

    private Map<String, Object> smsConsent() {
        return jdbc.sql("SELECT k.* FROM consents k JOIN customers c ON c.id = k.customer_id WHERE c.buyer_id = 'tb_zhang' AND k.channel = 'sms'")
                .query().singleRow();
    }

    @Test
    void aConsentDatedInTheFutureIsRecordedAtTheImportTimeAndARefusalAfterItStopsTheMarketingSms() {
        Result yes = run("consents import " + write("consents.csv", "mobile,reply,time\n15266551696,Y,2099-12-31 00:00:00\n")
                + " --channel sms");

        assertEquals(0, yes.exit(), yes.all());
        assertTrue(yes.out().contains("1 dated in the future, recorded at the import time instead (first: consents.csv line 2: 2099-12-31 00:00:00)"),
                yes.out());
        String recorded = (String) smsConsent().get("recorded_at");
        assertTrue(recorded.compareTo(LocalDateTime.now(ZoneId.of("Asia/Shanghai")).plusMinutes(1).toString().replace('T', ' ')) < 0,
                "clamped, not 2099: " + recorded);
        assertTrue(((String) smsConsent().get("source")).contains("dated 2099-12-31 00:00:00 in the file"));

        Result no = run("consents import " + write("replies.csv", "mobile,reply\n15266551696,退订\n") + " --channel sms");

        assertEquals(0, no.exit(), no.all());
        assertTrue(no.out().contains("1 updated"), no.out());
        assertEquals(0, smsConsent().get("granted"));
        Result send = run("deliveries synthetic 9201 --channel file --purpose marketing --count 1 --yes");
        assertEquals(0, send.exit(), send.all());
        assertEquals("skipped", jdbc.sql("SELECT state FROM deliveries WHERE campaign_id = 9201").query(String.class).single());
        assertEquals("opted-out", jdbc.sql("SELECT reason FROM deliveries WHERE campaign_id = 9201").query(String.class).single());
    }

    @Test
    void aRefusalReceivedNowBeatsAConsentAlreadyOnRecordWithAFutureDate() {
        // what an import before dates were checked left behind
        jdbc.sql("INSERT INTO consents(customer_id, channel, granted, source, recorded_at) "
                + "SELECT id, 'sms', 1, 'reply:Y; import:old.csv line 2', '2099-12-31 00:00:00' FROM customers WHERE buyer_id = 'tb_zhang'")
                .update();

        Result no = run("consents import " + write("replies.csv", "mobile,reply\n15266551696,退订\n") + " --channel sms");

        assertTrue(no.out().contains("1 updated"), no.out());
        assertEquals(0, smsConsent().get("granted"));
        Result yesAgain = run("consents import " + write("again.csv", "mobile,reply\n15266551696,Y\n") + " --channel sms");
        assertEquals(0, smsConsent().get("granted"), "a consent at the same moment does not beat the refusal: " + yesAgain.out());
    }

    @Test
    void futureOrderDatesAreFlaggedInTheSummaryWithTheFirstLine() {
        Result r = run("orders import " + write("orders.csv", """
                order_id,buyer_id,time,amount
                A1,tb_zhang,2025-01-01 10:00:00,10
                A2,tb_zhang,2099-01-01,20
                A3,tb_zhang,2099-02-01 08:00:00,30
                """) + " --format generic");

        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("warning      2 dated in the future (after the import started), kept as dated: check the file "
                + "(first: orders.csv line 3: 2099-01-01 00:00:00)"), r.out());
        assertEquals(3L, count("orders"));
    }
}
