package dev.rekindle.plugins.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rekindle.api.DeliveryResult;
import dev.rekindle.api.DeliveryResult.Outcome;
import dev.rekindle.api.OutboundMessage;
import dev.rekindle.api.Purpose;
import dev.rekindle.fakes.Fault;
import dev.rekindle.fakes.WeComRobotFake;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The WeCom robot channel against the loopback robot fake. */
class WeComRobotChannelTests {

    private WeComRobotFake fake;
    private WeComRobotChannel channel;

    @BeforeEach
    void start() {
        fake = new WeComRobotFake(0).robot("key-vip").robot("key-new").perMinute(3).start();
        channel = new WeComRobotChannel();
        channel.configure(Map.of("endpoint", fake.baseUrl(), "robots.vip.key", "key-vip", "robots.vip.name", "老客福利群",
                "robots.new.key", "key-new", "timeout-ms", "1000"));
        fake.timeoutHold(2_000);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void shouldPostToTheGroupsRobotByNameOrId() {
        assertEquals(Outcome.ACCEPTED, channel.deliver(post("老客福利群", "今晚8点老客专享")).outcome());
        assertEquals(Outcome.ACCEPTED, channel.deliver(post("new", "新品试用名额开放")).outcome());

        assertEquals(1L, fake.countsByKey().get("key-vip"));
        assertEquals(1L, fake.countsByKey().get("key-new"));
        assertEquals("今晚8点老客专享", fake.posts().get(0).content());
    }

    @Test
    void eachRobotIsItsOwnSenderWithWeComsRate() {
        assertEquals("vip", channel.senderOf(post("老客福利群", "x")));
        assertTrue(channel.senderRatePerSecond() < 20.0 / 60);
    }

    @Test
    void textOverTheByteLimitIsPermanentWithoutCallingWeCom() {
        DeliveryResult r = channel.deliver(post("vip", "好".repeat(700)));

        assertEquals(Outcome.PERMANENT, r.outcome());
        assertEquals("too-long", r.code());
        assertEquals(0, fake.requests());
    }

    @Test
    void markdownMayBeLonger() {
        WeComRobotChannel md = new WeComRobotChannel();
        md.configure(Map.of("endpoint", fake.baseUrl(), "robots.vip.key", "key-vip", "msgtype", "markdown"));

        assertEquals(4096, md.traits().maxBytes());
        assertEquals(Outcome.ACCEPTED, md.deliver(post("vip", "**老客专享**\n" + "好".repeat(700))).outcome());
        assertEquals("markdown", fake.posts().get(0).msgtype());
    }

    @Test
    void aThrottledRobotIsTransientWithAPause() {
        for (int i = 0; i < 3; i++) channel.deliver(post("vip", "第" + i + "条"));

        DeliveryResult r = channel.deliver(post("vip", "第4条"));

        assertEquals(Outcome.TRANSIENT, r.outcome());
        assertEquals("45009", r.code());
        assertEquals(Duration.ofSeconds(60), r.retryAfter());
    }

    @Test
    void anUnknownGroupIsPermanentAndAWrongKeyIsASetupProblem() {
        WeComRobotChannel wrong = new WeComRobotChannel();
        wrong.configure(Map.of("endpoint", fake.baseUrl(), "robots.old.key", "deleted-key"));

        assertEquals(Outcome.PERMANENT, channel.deliver(post("无此群", "x")).outcome());
        DeliveryResult r = wrong.deliver(post("old", "x"));
        assertEquals(Outcome.TRANSIENT, r.outcome());
        assertEquals("93000", r.code());
        assertFalse(r.detail().contains("deleted-key"), "keys never appear: " + r.detail());
    }

    @Test
    void aConnectionDroppedAfterThePostIsUnknown() {
        fake.faults().next(Fault.DROP_AFTER_RECEIPT, 1);

        DeliveryResult r = channel.deliver(post("vip", "x"));

        assertEquals(Outcome.UNKNOWN, r.outcome());
        assertEquals(1, fake.posts().size());
    }

    @Test
    void aServerErrorIsTransient() {
        fake.faults().next(Fault.HTTP_500, 1);

        assertEquals(Outcome.TRANSIENT, channel.deliver(post("vip", "x")).outcome());
        assertEquals(0, fake.posts().size());
    }

    @Test
    void shouldNameWhatIsMissing() {
        WeComRobotChannel empty = new WeComRobotChannel();
        empty.configure(Map.of("robots.vip.name", "老客福利群"));

        assertEquals("[robots.vip.key]", empty.missingSettings().toString());
    }

    private static OutboundMessage post(String group, String text) {
        return new OutboundMessage("rk-c1-g" + Math.abs(group.hashCode()) + "-wecom-robot", 1, null, group, null, text, null,
                Purpose.MARKETING, Map.of());
    }
}
