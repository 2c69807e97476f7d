package dev.rekindle.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.rekindle.api.Channel;
import dev.rekindle.api.DeliveryResult;
import dev.rekindle.api.OutboundMessage;
import dev.rekindle.api.Purpose;
import dev.rekindle.fakes.AliyunSmsFake;
import dev.rekindle.fakes.WeComRobotFake;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * The channel plugins as shipped: the jars of the assembled distribution, loaded by a real PF4J
 * manager (each in its own class loader, with only the api and pf4j from the host), talking to a
 * real SMTP server and the loopback provider fakes. Catches what unit tests cannot: a library missing
 * from a plugin jar, a missing extension index, providers Jakarta Mail cannot find.
 */
class ChannelPluginsIT {

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(patient(ServerSetupTest.SMTP.dynamicPort()));

    /** GreenMail's default 2 s start-up wait is too short on a loaded CI machine. */
    private static com.icegreen.greenmail.util.ServerSetup patient(com.icegreen.greenmail.util.ServerSetup setup) {
        setup.setServerStartupTimeout(30_000);
        return setup;
    }

    private static PluginManager plugins;
    private static AliyunSmsFake aliyun;
    private static WeComRobotFake wecom;

    @BeforeAll
    static void load() {
        plugins = new DefaultPluginManager(Path.of(System.getProperty("rekindle.dist"), "plugins"));
        plugins.loadPlugins();
        plugins.startPlugins();
        aliyun = new AliyunSmsFake(0).start();
        wecom = new WeComRobotFake(0).robot("key-vip").start();
    }

    @AfterAll
    static void stop() {
        // stopPlugins() throws ConcurrentModificationException (pf4j #656): one by one, in reverse
        List<PluginWrapper> started = new ArrayList<>(plugins.getStartedPlugins());
        Collections.reverse(started);
        started.forEach(p -> plugins.stopPlugin(p.getPluginId()));
        aliyun.close();
        wecom.close();
    }

    private static Channel channel(String id) {
        List<Channel> found = plugins.getExtensions(Channel.class).stream().filter(c -> c.id().equals(id)).toList();
        assertEquals(1, found.size(), "exactly one channel " + id + " among "
                + plugins.getExtensions(Channel.class).stream().map(Channel::id).collect(Collectors.joining(", ")));
        return found.get(0);
    }

    @Test
    void everyChannelPluginStartsWithItsExtensions() {
        for (String id : List.of("channel-sms", "channel-email", "channel-wechat", "channel-taobao-group")) {
            PluginWrapper p = plugins.getPlugin(id);
            assertNotNull(p, "plugin " + id + " in " + plugins.getPlugins());
            assertEquals(PluginState.STARTED, p.getPluginState(), id);
        }
        assertEquals(List.of("email", "sms", "taobao-group", "wechat", "wecom-robot"),
                plugins.getExtensions(Channel.class).stream().map(Channel::id).sorted().toList());
    }

    @Test
    void theSmsPluginSignsRequestsTheFakeAccepts() {
        Channel sms = channel("sms");
        sms.configure(Map.of("endpoint", aliyun.baseUrl(), "access-key-id", AliyunSmsFake.DEFAULT_KEY_ID,
                "access-key-secret", AliyunSmsFake.DEFAULT_KEY_SECRET, "sign-name", "暖心小铺", "template-code", "SMS_1"));

        DeliveryResult r = sms.deliver(message("rk-c1-u1-sms", "13812345678"));

        assertEquals(DeliveryResult.Outcome.ACCEPTED, r.outcome(), r.detail());
        assertEquals(1L, aliyun.countsByOutId().get("rk-c1-u1-sms"));
    }

    @Test
    void theEmailPluginSendsThroughItsBundledJakartaMail() throws Exception {
        Channel email = channel("email");
        email.configure(Map.of("host", "127.0.0.1", "port", String.valueOf(mail.getSmtp().getPort()), "tls", "none",
                "from", "shop@example.com", "from-name", "暖心小铺", "unsubscribe-url", "https://shop.example.com/u?k={key}"));

        DeliveryResult r = email.deliver(new OutboundMessage("rk-c1-u1-email", 1, "tb1", "buyer@example.com", "好久不见",
                "王小明您好", "<p>王小明您好</p>", Purpose.MARKETING, Map.of()));

        assertEquals(DeliveryResult.Outcome.ACCEPTED, r.outcome(), r.detail());
        MimeMessage got = mail.getReceivedMessages()[0];
        assertEquals("好久不见", got.getSubject());
        assertEquals("List-Unsubscribe=One-Click", got.getHeader("List-Unsubscribe-Post", null));
        assertTrue(got.getContentType().startsWith("multipart/alternative"), got.getContentType());
    }

    @Test
    void theWeComPluginPostsToTheRobotFake() {
        Channel robot = channel("wecom-robot");
        robot.configure(Map.of("endpoint", wecom.baseUrl(), "robots.vip.key", "key-vip", "robots.vip.name", "老客福利群"));

        DeliveryResult r = robot.deliver(new OutboundMessage("rk-c1-gabc-wecom-robot", 1, null, "老客福利群", null, "今晚8点开抢",
                null, Purpose.MARKETING, Map.of()));

        assertEquals(DeliveryResult.Outcome.ACCEPTED, r.outcome(), r.detail());
        assertEquals(1, wecom.posts().size());
    }

    @Test
    void theWeChatNoticePluginRefusesMarketing() {
        Channel notices = channel("wechat");

        assertEquals(false, notices.traits().marketingAllowed());
        assertEquals(DeliveryResult.Outcome.PERMANENT, notices.deliver(new OutboundMessage("k", 1, "tb1", "o-openid", null, "x", null,
                Purpose.MARKETING, Map.of())).outcome());
    }

    /**
     * Every command starts every plugin and most send nothing (status, channels list, a dry run): a channel that
     * builds its HTTP client before the first send leaves a selector thread in native code, and the JVM waits up
     * to 300 ms for it at exit. Counted as a difference: clients of the other tests' sends may still be alive.
     */
    @Test
    void configuredChannelsStartNoHttpClientThreadBeforeTheirFirstSend() {
        long before = httpClientThreads();

        channel("sms").configure(Map.of("endpoint", aliyun.baseUrl(), "access-key-id", AliyunSmsFake.DEFAULT_KEY_ID,
                "access-key-secret", AliyunSmsFake.DEFAULT_KEY_SECRET, "sign-name", "暖心小铺", "template-code", "SMS_1"));
        channel("wecom-robot").configure(Map.of("endpoint", wecom.baseUrl(), "robots.vip.key", "key-vip", "robots.vip.name", "老客福利群"));
        channel("wechat").configure(Map.of("notice.app-id", "wx1", "notice.app-secret", "s", "notice.template-id", "t"));
        channel("taobao-group").configure(Map.of("host.data-dir", System.getProperty("java.io.tmpdir"),
                "webhook-url", "http://127.0.0.1:9/hook"));

        assertTrue(httpClientThreads() <= before, "a configured channel started an HTTP client before sending anything");
    }

    private static long httpClientThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("HttpClient-")).count();
    }

    private static OutboundMessage message(String key, String phone) {
        return new OutboundMessage(key, 1, "tb1", phone, null, "亲，好久不见", null, Purpose.CARE, Map.of("name", "王小明"));
    }
}
