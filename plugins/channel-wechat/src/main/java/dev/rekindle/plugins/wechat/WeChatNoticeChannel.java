package dev.rekindle.plugins.wechat;

import com.google.gson.JsonObject;
import dev.rekindle.api.Channel;
import dev.rekindle.api.ChannelTraits;
import dev.rekindle.api.ContactKind;
import dev.rekindle.api.DeliveryResult;
import dev.rekindle.api.OutboundMessage;
import dev.rekindle.api.Purpose;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.pf4j.Extension;

/**
 * One-to-one care through a WeChat official account's subscription messages (订阅通知,
 * {@code POST /cgi-bin/message/subscribe/bizsend}). These are service notices: WeChat bans marketing in
 * them, so this channel carries {@link Purpose#CARE} only and refuses marketing with the reason.
 * The recipient is the customer's openid for the account; the message's {@code params} fill the
 * template's fields ({@code thing1 → 订单已发货}).
 *
 * <p>Settings ({@code rekindle.plugins.channel-wechat.*}): {@code notice.app-id}, {@code notice.app-secret}
 * (or env WECHAT_APP_SECRET), {@code notice.template-id}, {@code notice.page} (optional),
 * {@code notice.endpoint} (default https://api.weixin.qq.com), {@code timeout-ms}.
 */
@Extension
public class WeChatNoticeChannel implements Channel {

    static final String DEFAULT_ENDPOINT = "https://api.weixin.qq.com";
    /** Codes that mean the access token went stale: fetch a new one and try once more. */
    private static final Set<Integer> TOKEN_EXPIRED = Set.of(40001, 40014, 42001);

    private final Clock clock;
    private final Map<String, String> env;
    private String endpoint = DEFAULT_ENDPOINT;
    private String appId;
    private String appSecret;
    private String templateId;
    private String page;
    private Http http = new Http(Duration.ofSeconds(3), Duration.ofSeconds(10));
    private String token;
    private Instant tokenUntil = Instant.EPOCH;

    public WeChatNoticeChannel() {
        this(Clock.systemUTC(), System.getenv());
    }

    WeChatNoticeChannel(Clock clock, Map<String, String> env) {
        this.clock = clock;
        this.env = env;
    }

    @Override
    public String id() {
        return "wechat";
    }

    @Override
    public String title() {
        return "WeChat official account subscription messages: care notices only (marketing is banned there)";
    }

    @Override
    public ChannelTraits traits() {
        return new ChannelTraits(ContactKind.WECHAT, 0, 0, 1, 20, false, false);
    }

    @Override
    public void configure(Map<String, String> s) {
        endpoint = s.getOrDefault("notice.endpoint", DEFAULT_ENDPOINT).replaceAll("/+$", "");
        appId = blank(s.get("notice.app-id"));
        appSecret = blank(s.get("notice.app-secret")) != null ? s.get("notice.app-secret").trim() : blank(env.get("WECHAT_APP_SECRET"));
        templateId = blank(s.get("notice.template-id"));
        page = blank(s.get("notice.page"));
        int timeout = Integer.parseInt(s.getOrDefault("timeout-ms", "10000").trim());
        http = new Http(Duration.ofMillis(Math.min(timeout, 3000)), Duration.ofMillis(timeout));
        token = null;
    }

    @Override
    public List<String> missingSettings() {
        List<String> m = new ArrayList<>();
        if (appId == null) m.add("notice.app-id");
        if (appSecret == null) m.add("notice.app-secret");
        if (templateId == null) m.add("notice.template-id");
        return m;
    }

    @Override
    public DeliveryResult deliver(OutboundMessage m) {
        if (m.purpose() == Purpose.MARKETING) {
            return DeliveryResult.permanentFailure("marketing-not-allowed", "WeChat subscription messages are service notices and "
                    + "must not carry marketing; send marketing by sms or email");
        }
        if (!missingSettings().isEmpty()) {
            return DeliveryResult.transientFailure("not-configured", "channel wechat is missing " + String.join(", ", missingSettings()), null);
        }
        JsonObject body = body(m);
        for (int attempt = 1; ; attempt++) {
            DeliveryResult tokenProblem = ensureToken();
            if (tokenProblem != null) return tokenProblem;
            Http.Reply reply = http.post(endpoint + "/cgi-bin/message/subscribe/bizsend?access_token=" + token, body.toString(),
                    "the WeChat API");
            if (reply.failure() != null) return reply.failure();
            int code = Http.errcode(reply.json());
            if (code == 0) return DeliveryResult.accepted(reply.json().has("msgid") ? reply.json().get("msgid").getAsString() : "wechat");
            if (TOKEN_EXPIRED.contains(code) && attempt == 1) {
                invalidateToken(); // the message was refused, not sent: safe to try once more
                continue;
            }
            return failure(code, Http.errmsg(reply.json()));
        }
    }

    private static DeliveryResult failure(int code, String msg) {
        String detail = code + " " + msg;
        return switch (code) {
            case -1, 45009 -> DeliveryResult.transientFailure(String.valueOf(code), "WeChat is busy or over quota: " + detail, null);
            // the customer has not subscribed (or used up the subscription): this message cannot go
            case 43101 -> DeliveryResult.permanentFailure("43101", "the customer has not accepted this notice: " + detail);
            case 40003 -> DeliveryResult.permanentFailure("40003", "not an openid of this account: " + detail);
            // template or data wrong for every message: a setup problem
            case 40037, 47003, 40001, 40014, 42001 -> DeliveryResult.transientFailure(String.valueOf(code),
                    "fix notice.template-id / the template's fields / the app secret, then resume: " + detail, null);
            default -> DeliveryResult.permanentFailure(String.valueOf(code), detail);
        };
    }

    private JsonObject body(OutboundMessage m) {
        JsonObject data = new JsonObject();
        new TreeMap<>(m.params()).forEach((k, v) -> {
            JsonObject value = new JsonObject();
            value.addProperty("value", v);
            data.add(k, value);
        });
        JsonObject body = new JsonObject();
        body.addProperty("touser", m.recipient());
        body.addProperty("template_id", templateId);
        if (page != null) body.addProperty("page", page);
        body.add("data", data);
        return body;
    }

    private synchronized DeliveryResult ensureToken() {
        if (token != null && clock.instant().isBefore(tokenUntil)) return null;
        Http.Reply reply = http.get(endpoint + "/cgi-bin/token?grant_type=client_credential&appid=" + enc(appId) + "&secret=" + enc(appSecret),
                "the WeChat token API");
        if (reply.failure() != null) return reply.failure();
        if (Http.errcode(reply.json()) != 0 || !reply.json().has("access_token")) {
            return DeliveryResult.transientFailure("token", "WeChat refused the app id/secret (" + Http.errcode(reply.json()) + " "
                    + Http.errmsg(reply.json()) + "): fix notice.app-id / notice.app-secret, then resume", null);
        }
        token = reply.json().get("access_token").getAsString();
        long seconds = reply.json().has("expires_in") ? reply.json().get("expires_in").getAsLong() : 7200;
        // renew five minutes early: a token that expires mid-send costs a refused call
        tokenUntil = clock.instant().plusSeconds(Math.max(60, seconds - 300));
        return null;
    }

    private synchronized void invalidateToken() {
        token = null;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
