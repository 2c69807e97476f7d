package dev.rekindle.plugins.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rekindle.api.DeliveryResult;
import dev.rekindle.api.DeliveryResult.Outcome;
import dev.rekindle.api.OutboundMessage;
import dev.rekindle.api.Purpose;
import dev.rekindle.fakes.AliyunSmsFake;
import dev.rekindle.fakes.Fault;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SMS channel against the loopback Aliyun fake, which checks the signature and every parameter. */
class SmsChannelTests {

    private AliyunSmsFake fake;
    private SmsChannel channel;

    @BeforeEach
    void start() {
        fake = new AliyunSmsFake(0).start();
        fake.timeoutHold(3_000).slow(300);
        channel = configured(Map.of());
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private SmsChannel configured(Map<String, String> extra) {
        Map<String, String> s = new HashMap<>(Map.of(
                "endpoint", fake.baseUrl(),
                "access-key-id", AliyunSmsFake.DEFAULT_KEY_ID,
                "access-key-secret", AliyunSmsFake.DEFAULT_KEY_SECRET,
                "sign-name", "暖心小铺",
                "template-code", "SMS_100",
                "timeout-ms", "1000"));
        s.putAll(extra);
        SmsChannel c = new SmsChannel(Clock.systemUTC(), Map.of());
        c.configure(s);
        return c;
    }

    @Test
    void shouldSignAsAliyunsDocumentedExample() {
        Map<String, String> p = new TreeMap<>(Map.of("TimeStamp", "2016-02-23T12:46:24Z", "Format", "XML",
                "AccessKeyId", "testid", "Action", "DescribeRegions", "SignatureMethod", "HMAC-SHA1",
                "SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf", "Version", "2014-05-26", "SignatureVersion", "1.0"));

        assertEquals("CT9X0VtwR86fNWSnsc6v8YGOjuE=", RpcSigner.sign("testsecret", RpcSigner.stringToSign("GET", p)));
    }

    @Test
    void shouldEncodeAsRfc3986() {
        assertEquals("a%20b%2Ac~%E6%9A%96", RpcSigner.encode("a b*c~暖"));
    }

    @Test
    void shouldSendWithTheKeyAsOutIdAndStringTemplateParams() {
        DeliveryResult r = channel.deliver(message("rk-c1-u7-sms", "13812345678", Map.of("name", "王小明", "coupon", "20")));

        assertEquals(Outcome.ACCEPTED, r.outcome(), r.detail());
        assertNotNull(r.providerId());
        AliyunSmsFake.Sms sms = fake.messages().get(0);
        assertEquals("rk-c1-u7-sms", sms.outId());
        assertEquals("SMS_100", sms.templateCode());
        assertEquals("暖心小铺", sms.signName());
        assertTrue(sms.templateParam().contains("\"coupon\":\"20\""), sms.templateParam());
    }

    @Test
    void shouldTakeAnotherTemplateFromTheMessageAndTheTextWhenAsked() {
        SmsChannel c = configured(Map.of("text-param", "content"));

        c.deliver(message("k1", "13812345678", Map.of("TemplateCode", "SMS_200")));

        AliyunSmsFake.Sms sms = fake.messages().get(0);
        assertEquals("SMS_200", sms.templateCode());
        assertEquals("{\"content\":\"亲，好久不见\"}", sms.templateParam());
    }

    @Test
    void aWrongSecretIsASetupProblemNotAFailedMessage() {
        SmsChannel c = configured(Map.of("access-key-secret", "wrong"));

        DeliveryResult r = c.deliver(message("k1", "13812345678", Map.of()));

        assertEquals(Outcome.TRANSIENT, r.outcome());
        assertEquals("SignatureDoesNotMatch", r.code());
        assertFalse(r.detail().contains("wrong"), "the secret never appears: " + r.detail());
        assertFalse(r.detail().contains("13812345678"), "nor the number Aliyun quotes back: " + r.detail());
        assertEquals(0, fake.received());
    }

    @Test
    void serverErrorsAndThrottlingAreTransient() {
        fake.faults().next(Fault.HTTP_500, 1).next(Fault.THROTTLING, 1);

        DeliveryResult first = channel.deliver(message("k1", "13812345678", Map.of()));
        DeliveryResult second = channel.deliver(message("k1", "13812345678", Map.of()));

        assertEquals(Outcome.TRANSIENT, first.outcome());
        assertEquals("InternalError", first.code());
        assertEquals(Outcome.TRANSIENT, second.outcome());
        assertEquals("Throttling.User", second.code());
        assertNotNull(second.retryAfter());
        assertEquals(0, fake.received());
    }

    @Test
    void theDailyPerNumberLimitIsPermanentForToday() {
        fake.faults().next(Fault.BUSINESS_LIMIT, 1);

        DeliveryResult r = channel.deliver(message("k1", "13812345678", Map.of()));

        assertEquals(Outcome.PERMANENT, r.outcome());
        assertEquals("isv.BUSINESS_LIMIT_CONTROL", r.code());
    }

    @Test
    void anIllegalNumberIsPermanent() {
        DeliveryResult r = channel.deliver(message("k1", "1381234", Map.of()));

        assertEquals(Outcome.PERMANENT, r.outcome());
        assertEquals("isv.MOBILE_NUMBER_ILLEGAL", r.code());
    }

    @Test
    void aTimeoutIsUnknownAndTheStatusQueryFindsNothing() {
        fake.faults().next(Fault.TIMEOUT, 1);
        OutboundMessage m = message("k-timeout", "13812345678", Map.of());

        DeliveryResult r = channel.deliver(m);

        assertEquals(Outcome.UNKNOWN, r.outcome(), r.detail());
        assertEquals(0, fake.received());
        DeliveryResult q = channel.queryStatus(m);
        assertTrue(q.isNotReceived(), q.toString());
    }

    @Test
    void aConnectionDroppedAfterReceiptIsUnknownAndTheStatusQueryFindsTheMessage() {
        fake.faults().next(Fault.DROP_AFTER_RECEIPT, 1);
        OutboundMessage m = message("k-drop", "13812345678", Map.of());

        DeliveryResult r = channel.deliver(m);

        assertEquals(Outcome.UNKNOWN, r.outcome(), r.detail());
        assertEquals(1, fake.received(), "taken exactly once: the client must not repeat the POST");
        assertEquals(Outcome.ACCEPTED, channel.queryStatus(m).outcome());
    }

    @Test
    void anUnknownFromThreeDaysAgoIsFoundByLookingBackToTheDayItWasHandedOver() {
        TravellingClock clock = new TravellingClock(Instant.parse("2027-03-01T02:00:00Z"));
        SmsChannel c = travelling(clock, Map.of());
        fake.faults().next(Fault.DROP_AFTER_RECEIPT, 1);
        OutboundMessage m = message("k-late", "13812345678", Map.of());
        Instant handedOver = clock.instant();
        assertEquals(Outcome.UNKNOWN, c.deliver(m).outcome());

        clock.travel(Duration.ofDays(3));
        DeliveryResult q = c.queryStatus(m, handedOver);

        assertEquals(Outcome.ACCEPTED, q.outcome(), q.toString());
        assertEquals(Duration.ofDays(29), c.statusLookBack(), "30 calendar days, today included, by default");
    }

    @Test
    void anUnknownOlderThanTheQueryCanSeeIsNeverReportedAsNotReceived() {
        TravellingClock clock = new TravellingClock(Instant.parse("2027-03-01T02:00:00Z"));
        SmsChannel twoDays = travelling(clock, Map.of("query-days", "2"));
        fake.faults().next(Fault.DROP_AFTER_RECEIPT, 1);
        OutboundMessage m = message("k-older", "13812345678", Map.of());
        Instant handedOver = clock.instant();
        twoDays.deliver(m);
        long requests = fake.requests();

        clock.travel(Duration.ofDays(3));
        DeliveryResult q = twoDays.queryStatus(m, handedOver);

        assertEquals(Outcome.UNKNOWN, q.outcome(), q.toString());
        assertFalse(q.isNotReceived());
        assertEquals(requests, fake.requests(), "no query for days Aliyun would answer with nothing");
        assertEquals(Duration.ofDays(1), twoDays.statusLookBack());
        clock.travel(Duration.ofDays(28)); // 31 days: beyond what Aliyun keeps, whatever the setting
        assertEquals(Outcome.UNKNOWN, travelling(clock, Map.of()).queryStatus(m, handedOver).outcome());
        assertEquals(Duration.ofDays(29), travelling(clock, Map.of("query-days", "90")).statusLookBack(), "at most what Aliyun keeps");
    }

    private SmsChannel travelling(Clock clock, Map<String, String> extra) {
        fake.close();
        fake = new AliyunSmsFake(0, clock).start();
        Map<String, String> s = new HashMap<>(Map.of("endpoint", fake.baseUrl(), "access-key-id", AliyunSmsFake.DEFAULT_KEY_ID,
                "access-key-secret", AliyunSmsFake.DEFAULT_KEY_SECRET, "sign-name", "暖心小铺", "template-code", "SMS_100",
                "timeout-ms", "1000"));
        s.putAll(extra);
        SmsChannel c = new SmsChannel(clock, Map.of());
        c.configure(s);
        return c;
    }

    /** Time for the channel and the fake together, moved by the test. */
    private static final class TravellingClock extends Clock {
        private final java.util.concurrent.atomic.AtomicReference<Instant> now;
        private final ZoneId zone;

        TravellingClock(Instant now) {
            this(new java.util.concurrent.atomic.AtomicReference<>(now), ZoneOffset.UTC);
        }

        private TravellingClock(java.util.concurrent.atomic.AtomicReference<Instant> now, ZoneId zone) {
            this.now = now;
            this.zone = zone;
        }

        void travel(Duration d) {
            now.updateAndGet(t -> t.plus(d));
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId z) {
            return new TravellingClock(now, z);
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    @Test
    void aSlowAnswerWithinTheTimeoutIsAccepted() {
        fake.faults().next(Fault.SLOW, 1);

        assertEquals(Outcome.ACCEPTED, channel.deliver(message("k1", "13812345678", Map.of())).outcome());
    }

    @Test
    void anUnreachableGatewayIsTransient() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        SmsChannel c = configured(Map.of("endpoint", "http://127.0.0.1:" + closedPort));

        DeliveryResult r = c.deliver(message("k1", "13812345678", Map.of()));

        assertEquals(Outcome.TRANSIENT, r.outcome(), r.detail());
        assertEquals("connect", r.code());
    }

    @Test
    void shouldSendABatchInOneCallAndFindEachMessageAfterwards() {
        SmsChannel c = configured(Map.of("batch", "true"));
        List<OutboundMessage> batch = List.of(message("k1", "13800000001", Map.of("name", "甲")),
                message("k2", "13800000002", Map.of("name", "乙")), message("k3", "13800000003", Map.of("name", "丙")));

        List<DeliveryResult> r = c.deliverBatch(batch);

        assertEquals(3, r.size());
        r.forEach(x -> assertEquals(Outcome.ACCEPTED, x.outcome()));
        assertEquals(1, fake.requests());
        assertEquals(3, fake.received());
        assertEquals(100, c.traits().batchSize());
        assertEquals(Outcome.ACCEPTED, c.queryStatus(batch.get(1)).outcome());
    }

    @Test
    void shouldNameWhatIsMissingWithoutValues() {
        SmsChannel c = new SmsChannel(Clock.systemUTC(), Map.of());
        c.configure(Map.of("access-key-secret", "s3cret"));

        List<String> missing = c.missingSettings();

        assertTrue(missing.contains("access-key-id"), missing.toString());
        assertTrue(missing.contains("sign-name"), missing.toString());
        assertFalse(missing.toString().contains("s3cret"));
        assertEquals(Outcome.TRANSIENT, c.deliver(message("k", "13812345678", Map.of())).outcome());
    }

    @Test
    void shouldTakeTheKeyFromAliyunsEnvironmentVariables() {
        SmsChannel c = new SmsChannel(Clock.systemUTC(), Map.of("ALIBABA_CLOUD_ACCESS_KEY_ID", AliyunSmsFake.DEFAULT_KEY_ID,
                "ALIBABA_CLOUD_ACCESS_KEY_SECRET", AliyunSmsFake.DEFAULT_KEY_SECRET));
        c.configure(Map.of("endpoint", fake.baseUrl(), "host.shop-signature", "暖心小铺", "template-code", "SMS_1"));

        assertTrue(c.missingSettings().isEmpty(), c.missingSettings().toString());
        assertEquals(Outcome.ACCEPTED, c.deliver(message("k1", "13812345678", Map.of())).outcome());
    }

    private static OutboundMessage message(String key, String phone, Map<String, String> params) {
        return new OutboundMessage(key, 1, "tb1", phone, null, "亲，好久不见", null, Purpose.CARE, params);
    }
}
