package dev.rekindle.plugins.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.rekindle.api.DeliveryResult;
import dev.rekindle.api.DeliveryResult.Outcome;
import dev.rekindle.api.OutboundMessage;
import dev.rekindle.api.Purpose;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Subscription notices against a loopback stand-in of the WeChat API (token + bizsend). */
class WeChatNoticeChannelTests {

    private HttpServer server;
    private final AtomicInteger tokens = new AtomicInteger();
    private final List<JsonObject> sent = new CopyOnWriteArrayList<>();
    private final Deque<Integer> answers = new ArrayDeque<>();
    private WeChatNoticeChannel channel;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/cgi-bin/token", ex -> {
            Map<String, String> q = query(ex);
            if (!"wx-app".equals(q.get("appid")) || !"app-secret".equals(q.get("secret"))) {
                answer(ex, "{\"errcode\":40125,\"errmsg\":\"invalid appsecret\"}");
                return;
            }
            answer(ex, "{\"access_token\":\"token-" + tokens.incrementAndGet() + "\",\"expires_in\":7200}");
        });
        server.createContext("/cgi-bin/message/subscribe/bizsend", ex -> {
            String token = query(ex).get("access_token");
            JsonObject body = JsonParser.parseString(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
            int code;
            synchronized (answers) {
                code = answers.isEmpty() ? 0 : answers.removeFirst();
            }
            if (code == 0 && !("token-" + tokens.get()).equals(token)) code = 40001;
            if (code == 0) sent.add(body);
            answer(ex, "{\"errcode\":" + code + ",\"errmsg\":\"code " + code + "\"}");
        });
        server.start();
        channel = new WeChatNoticeChannel(Clock.systemUTC(), Map.of());
        channel.configure(Map.of("notice.endpoint", "http://127.0.0.1:" + server.getAddress().getPort(), "notice.app-id", "wx-app",
                "notice.app-secret", "app-secret", "notice.template-id", "TPL-1", "notice.page", "pages/order"));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void shouldSendACareNoticeWithTheTemplateFields() {
        DeliveryResult r = channel.deliver(notice(Purpose.CARE));

        assertEquals(Outcome.ACCEPTED, r.outcome(), r.detail());
        JsonObject body = sent.get(0);
        assertEquals("o-openid-1", body.get("touser").getAsString());
        assertEquals("TPL-1", body.get("template_id").getAsString());
        assertEquals("pages/order", body.get("page").getAsString());
        assertEquals("您的宝贝已发货", body.getAsJsonObject("data").getAsJsonObject("thing1").get("value").getAsString());
    }

    @Test
    void marketingIsRefusedWithTheReasonAndNothingIsCalled() {
        DeliveryResult r = channel.deliver(notice(Purpose.MARKETING));

        assertEquals(Outcome.PERMANENT, r.outcome());
        assertEquals("marketing-not-allowed", r.code());
        assertTrue(r.detail().contains("must not carry marketing"), r.detail());
        assertEquals(0, tokens.get());
        assertFalse(channel.traits().marketingAllowed());
    }

    @Test
    void aStaleTokenIsRenewedOnceAndTheNoticeStillGoesOnce() {
        channel.deliver(notice(Purpose.CARE));
        synchronized (answers) {
            answers.add(42001);
        }

        DeliveryResult r = channel.deliver(notice(Purpose.CARE));

        assertEquals(Outcome.ACCEPTED, r.outcome(), r.detail());
        assertEquals(2, tokens.get());
        assertEquals(2, sent.size());
    }

    @Test
    void aCustomerWhoDidNotSubscribeIsPermanent() {
        synchronized (answers) {
            answers.add(43101);
        }

        DeliveryResult r = channel.deliver(notice(Purpose.CARE));

        assertEquals(Outcome.PERMANENT, r.outcome());
        assertEquals("43101", r.code());
    }

    @Test
    void aWrongSecretIsASetupProblemThatNeverShowsTheSecret() {
        WeChatNoticeChannel wrong = new WeChatNoticeChannel(Clock.systemUTC(), Map.of());
        wrong.configure(Map.of("notice.endpoint", "http://127.0.0.1:" + server.getAddress().getPort(), "notice.app-id", "wx-app",
                "notice.app-secret", "not-the-secret", "notice.template-id", "TPL-1"));

        DeliveryResult r = wrong.deliver(notice(Purpose.CARE));

        assertEquals(Outcome.TRANSIENT, r.outcome());
        assertFalse(r.detail().contains("not-the-secret"), r.detail());
    }

    @Test
    void theSecretMayComeFromTheEnvironment() {
        WeChatNoticeChannel c = new WeChatNoticeChannel(Clock.systemUTC(), Map.of("WECHAT_APP_SECRET", "app-secret"));
        c.configure(Map.of("notice.app-id", "wx-app", "notice.template-id", "TPL-1"));

        assertTrue(c.missingSettings().isEmpty(), c.missingSettings().toString());
    }

    private static OutboundMessage notice(Purpose purpose) {
        return new OutboundMessage("rk-c1-u1-wechat", 1, "tb1", "o-openid-1", null, "您的宝贝已发货", null, purpose,
                Map.of("thing1", "您的宝贝已发货", "time2", "2025-03-10 10:00"));
    }

    private static Map<String, String> query(HttpExchange ex) {
        Map<String, String> m = new java.util.HashMap<>();
        String q = ex.getRequestURI().getRawQuery();
        if (q != null) {
            for (String p : q.split("&")) {
                int eq = p.indexOf('=');
                m.put(p.substring(0, eq), java.net.URLDecoder.decode(p.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return m;
    }

    private static void answer(HttpExchange ex, String json) throws IOException {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(200, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }
}
