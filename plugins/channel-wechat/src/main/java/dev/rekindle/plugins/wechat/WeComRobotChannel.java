package dev.rekindle.plugins.wechat;

import com.google.gson.JsonObject;
import dev.rekindle.api.Channel;
import dev.rekindle.api.ChannelTraits;
import dev.rekindle.api.ContactKind;
import dev.rekindle.api.DeliveryResult;
import dev.rekindle.api.OutboundMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pf4j.Extension;

/**
 * Posts to WeCom (企业微信) customer groups through their group robots: one webhook per robot,
 * {@code POST /cgi-bin/webhook/send?key=KEY} with a text (at most 2048 bytes) or markdown (4096 bytes)
 * message. WeCom allows about 20 messages a minute per robot: the host keeps a bucket per robot.
 * The recipient is the robot's id or its group's name.
 *
 * <p>Settings ({@code rekindle.plugins.channel-wechat.*}): {@code robots.<id>.key} (the webhook key)
 * and {@code robots.<id>.name} (the group's name, optional), {@code msgtype} (text or markdown),
 * {@code endpoint} (default https://qyapi.weixin.qq.com), {@code timeout-ms}.
 */
@Extension
public class WeComRobotChannel implements Channel {

    static final String DEFAULT_ENDPOINT = "https://qyapi.weixin.qq.com";
    /** A little under WeCom's 20 a minute, so that a full minute never holds 21. */
    static final double PER_ROBOT_PER_SECOND = 19.0 / 60;
    static final Duration THROTTLED_PAUSE = Duration.ofSeconds(60);

    private final Map<String, Robot> robots = new LinkedHashMap<>();
    private String endpoint = DEFAULT_ENDPOINT;
    private String msgtype = "text";
    private Http http = new Http(Duration.ofSeconds(3), Duration.ofSeconds(10));
    private final List<String> problems = new ArrayList<>();

    record Robot(String id, String name, String key) {
    }

    @Override
    public String id() {
        return "wecom-robot";
    }

    @Override
    public String title() {
        return "WeCom group robots: text/markdown posts to customer groups (about 20 a minute per robot)";
    }

    @Override
    public ChannelTraits traits() {
        int bytes = msgtype.equals("markdown") ? 4096 : 2048;
        return new ChannelTraits(ContactKind.GROUP, 0, bytes, 1, 0, false, true);
    }

    @Override
    public void configure(Map<String, String> s) {
        robots.clear();
        problems.clear();
        endpoint = s.getOrDefault("endpoint", DEFAULT_ENDPOINT).replaceAll("/+$", "");
        msgtype = s.getOrDefault("msgtype", "text").trim().toLowerCase();
        if (!msgtype.equals("text") && !msgtype.equals("markdown")) {
            problems.add("msgtype (text or markdown, got '" + msgtype + "')");
            msgtype = "text";
        }
        int timeout = Integer.parseInt(s.getOrDefault("timeout-ms", "10000").trim());
        http = new Http(Duration.ofMillis(Math.min(timeout, 3000)), Duration.ofMillis(timeout));
        Map<String, Map<String, String>> byId = new TreeMap<>();
        s.forEach((k, v) -> {
            if (!k.startsWith("robots.")) return;
            String rest = k.substring("robots.".length());
            int dot = rest.lastIndexOf('.');
            if (dot <= 0) return;
            byId.computeIfAbsent(rest.substring(0, dot), x -> new LinkedHashMap<>()).put(rest.substring(dot + 1), v.trim());
        });
        byId.forEach((id, props) -> {
            String key = props.get("key");
            if (key == null || key.isBlank()) {
                problems.add("robots." + id + ".key");
            } else {
                robots.put(id, new Robot(id, props.getOrDefault("name", id), key));
            }
        });
    }

    @Override
    public List<String> missingSettings() {
        List<String> m = new ArrayList<>(problems);
        if (robots.isEmpty() && problems.isEmpty()) m.add("robots.<id>.key (one per group robot)");
        return m;
    }

    @Override
    public String senderOf(OutboundMessage message) {
        Robot r = find(message.recipient());
        return r == null ? message.recipient() : r.id();
    }

    @Override
    public double senderRatePerSecond() {
        return PER_ROBOT_PER_SECOND;
    }

    @Override
    public DeliveryResult deliver(OutboundMessage m) {
        Robot robot = find(m.recipient());
        if (robot == null) {
            return DeliveryResult.permanentFailure("unknown-robot", "no robot for group '" + m.recipient() + "'; configured: "
                    + String.join(", ", robots.values().stream().map(r -> r.id() + " (" + r.name() + ")").toList()));
        }
        String text = m.text() == null ? "" : m.text().strip();
        if (text.isEmpty()) return DeliveryResult.permanentFailure("empty", "nothing to post");
        int limit = traits().maxBytes();
        if (text.getBytes(StandardCharsets.UTF_8).length > limit) {
            return DeliveryResult.permanentFailure("too-long", msgtype + " messages take at most " + limit + " bytes");
        }
        JsonObject content = new JsonObject();
        content.addProperty("content", text);
        JsonObject body = new JsonObject();
        body.addProperty("msgtype", msgtype);
        body.add(msgtype, content);
        Http.Reply reply = http.post(endpoint + "/cgi-bin/webhook/send?key=" + robot.key(), body.toString(), "WeCom robot " + robot.id());
        if (reply.failure() != null) return reply.failure();
        int code = Http.errcode(reply.json());
        String detail = code + " " + Http.errmsg(reply.json());
        return switch (code) {
            case 0 -> DeliveryResult.accepted("wecom:" + robot.id());
            case 45009 -> DeliveryResult.transientFailure("45009", "robot " + robot.id() + " is over its rate: " + detail, THROTTLED_PAUSE);
            case -1 -> DeliveryResult.transientFailure("-1", "WeCom is busy: " + detail, null);
            // a wrong or deleted key: fix robots.<id>.key and resume; the message is not at fault
            case 93000 -> DeliveryResult.transientFailure("93000", "WeCom does not know robot " + robot.id() + "'s key — fix robots."
                    + robot.id() + ".key, then resume", null);
            default -> DeliveryResult.permanentFailure(String.valueOf(code), detail);
        };
    }

    private Robot find(String recipient) {
        if (recipient == null) return null;
        String r = recipient.trim();
        Robot byId = robots.get(r);
        if (byId != null) return byId;
        return robots.values().stream().filter(x -> x.name().equals(r)).findFirst().orElse(null);
    }
}
