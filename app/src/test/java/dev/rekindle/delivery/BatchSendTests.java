package dev.rekindle.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rekindle.api.Purpose;
import dev.rekindle.fakes.AliyunSmsFake;
import dev.rekindle.fakes.Fault;
import dev.rekindle.support.SmsPlugin;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20 case 3: with {@code channel-sms.batch=true} one bad number must not fail the 99 good messages
 * of its SendBatchSms call, and one failed call must not count as 100 failures toward the halt rule. The
 * real SMS plugin against the loopback Aliyun fake, which refuses a whole batch for one illegal number.
 */
class BatchSendTests {

    @TempDir
    Path dir;
    private DeliveryTestBed bed;
    private AliyunSmsFake aliyun;

    @BeforeEach
    void setUp() {
        bed = new DeliveryTestBed(dir, LocalDateTime.of(2027, 3, 1, 10, 0)).customers(100);
        aliyun = new AliyunSmsFake(0, bed.clock).start();
        bed.channel(SmsPlugin.channel(bed.clock, Map.of("endpoint", aliyun.baseUrl(), "access-key-id", AliyunSmsFake.DEFAULT_KEY_ID,
                "access-key-secret", AliyunSmsFake.DEFAULT_KEY_SECRET, "sign-name", "暖心小铺", "template-code", "SMS_100",
                "batch", "true")));
    }

    @AfterEach
    void tearDown() {
        aliyun.close();
        bed.close();
    }

    /** Customer 50's number replaced by {@code number}. */
    private static Stream<DeliveryRequest> hundredWith(String number) {
        return DeliveryTestBed.messages(1, 100, "sms", Purpose.CARE).map(r -> r.customerId() != 50 ? r
                : new DeliveryRequest(r.campaignId(), r.customerId(), r.buyerId(), r.channel(), number, r.subject(), r.text(),
                        r.html(), r.purpose(), r.params(), r.holdout()));
    }

    @Test
    void anInvalidNumberFailsAloneBeforeTheBatchCall() {
        SendReport r = bed.engine().send(1, hundredWith("12012345678"), SendOptions.send());

        assertEquals(99, r.sent(), DeliveryReports.run(r));
        assertEquals(1, r.failed());
        assertEquals(1, aliyun.requests(), "the 99 went in one SendBatchSms call");
        assertEquals(99, aliyun.received());
        DeliveryLedger.Row bad = bed.row("rk-c1-u50-sms");
        assertEquals(DeliveryState.FAILED, bad.state());
        assertEquals(BatchDelivery.INVALID_NUMBER, bad.reason());
    }

    @Test
    void aBatchRefusedForOneNumberIsSplitAndTheOthersStillGo() {
        // a real number libphonenumber accepts, which Aliyun's domestic SendBatchSms refuses for the whole call
        SendReport r = bed.engine().send(1, hundredWith("+12125551234"), SendOptions.send());

        assertEquals(99, r.sent(), DeliveryReports.run(r));
        assertEquals(1, r.failed());
        assertEquals("isv.MOBILE_NUMBER_ILLEGAL", bed.row("rk-c1-u50-sms").reason());
        assertEquals(99, aliyun.received());
        aliyun.countsByPhone().values().forEach(n -> assertEquals(1L, n, "no phone got two messages"));
        assertEquals(1 + 100, aliyun.requests(), "the refused batch call, then each message alone");
    }

    @Test
    void aFailedBatchCallCountsOnceTowardTheHaltRule() {
        aliyun.faults().next(Fault.HTTP_500, 1);

        SendReport r = bed.engine().send(1, DeliveryTestBed.messages(1, 100, "sms", Purpose.CARE), SendOptions.send());

        assertNull(r.stopped(), "one failed call is not 100 failures in a row (halt-after-failures is "
                + bed.policy.haltAfterFailures() + ")");
        assertEquals(100, r.sent(), DeliveryReports.run(r));
        assertEquals(100, aliyun.received());
        assertTrue(r.retries() >= 100, "each message of the failed call was tried again: " + r.retries());
    }
}
