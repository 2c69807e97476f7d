package dev.rekindle.delivery;

import static dev.rekindle.delivery.DeliveryTestBed.messages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rekindle.api.Channel;
import dev.rekindle.api.Purpose;
import dev.rekindle.delivery.ScriptedProvider.Answer;
import dev.rekindle.fakes.AliyunSmsFake;
import dev.rekindle.fakes.Fault;
import dev.rekindle.support.SmsPlugin;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20 case 1: three SMS whose answer was lost after Aliyun took them (the fake's DROP_AFTER_RECEIPT),
 * reconciled days later. Aliyun's QuerySendDetails only sees some days back; "no trace" beyond them is not
 * "never received", so nothing may be sent a second time. The real SMS plugin, the loopback Aliyun fake
 * (which forgets what it no longer keeps) and the shop share one clock that the test moves.
 */
class LateReconcileTests {

    private static final LocalDateTime SENT_AT = LocalDateTime.of(2027, 3, 1, 10, 0);

    @TempDir
    Path dir;
    private DeliveryTestBed bed;
    private AliyunSmsFake aliyun;

    @BeforeEach
    void setUp() {
        bed = new DeliveryTestBed(dir, SENT_AT).customers(3);
        aliyun = new AliyunSmsFake(0, bed.clock).start();
    }

    @AfterEach
    void tearDown() {
        aliyun.close();
        bed.close();
    }

    private Channel sms(Map<String, String> extra) {
        Map<String, String> s = new HashMap<>(Map.of("endpoint", aliyun.baseUrl(), "access-key-id", AliyunSmsFake.DEFAULT_KEY_ID,
                "access-key-secret", AliyunSmsFake.DEFAULT_KEY_SECRET, "sign-name", "暖心小铺", "template-code", "SMS_100",
                "timeout-ms", "2000"));
        s.putAll(extra);
        Channel c = SmsPlugin.channel(bed.clock, s);
        bed.channel(c);
        return c;
    }

    /** Sends three SMS that Aliyun takes without the answer coming back: three unknowns. */
    private void threeUnknowns() {
        aliyun.faults().next(Fault.DROP_AFTER_RECEIPT, 3);
        SendReport r = bed.engine().send(1, messages(1, 3, "sms", Purpose.CARE), SendOptions.send());
        assertEquals(3, r.unknown(), DeliveryReports.run(r));
        assertEquals(3, aliyun.received());
    }

    private void assertNoSecondMessage() {
        SendReport resume = bed.engine().send(1, messages(1, 3, "sms", Purpose.CARE), SendOptions.resume());
        assertEquals(0, resume.sent(), DeliveryReports.run(resume));
        assertEquals(3, aliyun.received(), "nothing sent again");
        aliyun.countsByOutId().forEach((outId, n) -> assertEquals(1L, n, outId + " reached the phone " + n + " times"));
    }

    @Test
    void threeDaysLaterWithAQueryOfTwoDaysTheUnknownsStayUnknownAndNothingIsResent() {
        sms(Map.of("query-days", "2")); // the set-up of the probe
        threeUnknowns();

        bed.clock.set(SENT_AT.plusDays(3));
        UnknownOutcomes.Report rec = bed.unknowns().reconcile(1, messages(1, 3, "sms", Purpose.CARE));

        assertEquals(0, rec.resend(), "no trace beyond the look-back is not 'never received'");
        assertEquals(List.of(new UnknownOutcomes.TooOld("sms", Duration.ofDays(1), 3)), rec.tooOld());
        assertEquals(3, bed.rows(1, DeliveryState.UNKNOWN).size());
        String shown = DeliveryReports.reconcile(1, rec);
        assertTrue(shown.contains("older than what sms can look up (1 days), no trace found: decide with --mark"), shown);
        assertNoSecondMessage();
    }

    @Test
    void threeDaysLaterTheWidestWindowFindsThemAtAliyunAsSent() {
        sms(Map.of()); // query-days unset: the 30 days Aliyun keeps
        threeUnknowns();

        bed.clock.set(SENT_AT.plusDays(3));
        UnknownOutcomes.Report rec = bed.unknowns().reconcile(1, messages(1, 3, "sms", Purpose.CARE));

        assertEquals(3, rec.sent(), DeliveryReports.reconcile(1, rec));
        assertEquals(3, bed.rows(1, DeliveryState.SENT).size());
        assertNoSecondMessage();
    }

    @Test
    void aMonthLaterAliyunHasForgottenThemAndTheyStayUnknownUntilTheOperatorDecides() {
        sms(Map.of());
        threeUnknowns();

        bed.clock.set(SENT_AT.plusDays(31));
        UnknownOutcomes.Report rec = bed.unknowns().reconcile(1, messages(1, 3, "sms", Purpose.CARE));

        assertEquals(0, rec.resend());
        assertEquals(3, rec.tooOldTotal());
        assertTrue(DeliveryReports.reconcile(1, rec).contains("older than what sms can look up (29 days)"), DeliveryReports.reconcile(1, rec));
        assertNoSecondMessage();

        assertEquals(3, bed.unknowns().decide(1, UnknownOutcomes.Decision.SENT, List.of()), "the operator's explicit --mark");
        assertEquals(3, bed.rows(1, DeliveryState.SENT).size());
    }

    @Test
    void aChannelThatDoesNotSayHowFarItLooksNeverTurnsNoTraceIntoAResend() {
        ScriptedProvider old = new ScriptedProvider("sms").lookBack(null); // a plugin built against the older API
        bed.channel(old);
        old.answer("rk-c1-u1-sms", Answer.UNKNOWN_NOT_RECEIVED);
        bed.engine().send(1, messages(1, 1, "sms", Purpose.CARE), SendOptions.send());

        UnknownOutcomes.Report rec = bed.unknowns().reconcile(1, messages(1, 1, "sms", Purpose.CARE));

        assertEquals(0, rec.resend());
        assertEquals(1, rec.tooOldTotal());
        assertTrue(DeliveryReports.reconcile(1, rec).contains("sms does not say how far back its status query looks"));
        assertEquals(DeliveryState.UNKNOWN, bed.row("rk-c1-u1-sms").state());
    }
}
