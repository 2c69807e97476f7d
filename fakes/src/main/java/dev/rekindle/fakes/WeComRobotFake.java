package dev.rekindle.fakes;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback stand-in for WeCom (企业微信) group robots: {@code POST /cgi-bin/webhook/send?key=KEY} with
 * {@code {"msgtype":"text","text":{"content":…}}} (at most 2048 bytes) or markdown (4096 bytes), at most
 * 20 messages a minute per robot (errcode 45009 beyond). Records every post it takes.
 */
public final class WeComRobotFake extends FakeServer {

    public static final int TEXT_BYTES = 2048;
    public static final int MARKDOWN_BYTES = 4096;

    /** One post as the group would see it. */
    public record Post(String key, String msgtype, String content, Instant at) {
    }

    private final Set<String> keys = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<Post> posts = new ConcurrentLinkedQueue<>();
    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();
    private final Map<Fault, AtomicLong> injected = new ConcurrentHashMap<>();
    private final Clock clock;
    private volatile int perMinute = 20;

    public WeComRobotFake(int port) {
        this(port, Clock.systemUTC());
    }

    public WeComRobotFake(int port, Clock clock) {
        super(port);
        this.clock = clock;
        http().createContext("/cgi-bin/webhook/send", this::handle);
    }

    @Override
    public WeComRobotFake start() {
        super.start();
        return this;
    }

    @Override
    public WeComRobotFake latency(long millis) {
        super.latency(millis);
        return this;
    }

    @Override
    public WeComRobotFake slow(long millis) {
        super.slow(millis);
        return this;
    }

    @Override
    public WeComRobotFake timeoutHold(long millis) {
        super.timeoutHold(millis);
        return this;
    }

    /** Robots the fake knows; with none registered every key is accepted. */
    public WeComRobotFake robot(String key) {
        keys.add(key);
        return this;
    }

    public WeComRobotFake perMinute(int limit) {
        this.perMinute = limit;
        return this;
    }

    public List<Post> posts() {
        return List.copyOf(posts);
    }

    public Map<String, Long> countsByKey() {
        Map<String, Long> m = new HashMap<>();
        for (Post p : posts) m.merge(p.key(), 1L, Long::sum);
        return m;
    }

    @Override
    public Map<String, Object> stats() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("requests", requests());
        m.put("posts", posts.size());
        m.put("robots", countsByKey().size());
        Map<String, Long> faults = new java.util.TreeMap<>();
        injected.forEach((f, n) -> faults.put(f.name(), n.get()));
        m.put("faults", faults);
        return m;
    }

    @Override
    public void reset() {
        resetCommon();
        posts.clear();
        recent.clear();
        injected.clear();
    }

    private void handle(HttpExchange ex) throws IOException {
        requests.incrementAndGet();
        try {
            if (!ex.getRequestMethod().equals("POST")) {
                answer(ex, 43004, "require POST method");
                return;
            }
            String key = params(ex.getRequestURI().getRawQuery()).get("key");
            if (key == null || key.isEmpty() || (!keys.isEmpty() && !keys.contains(key))) {
                answer(ex, 93000, "invalid webhook url, hint: [fake] key not found");
                return;
            }
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Fault fault = takeFault();
            if (fault != Fault.NONE) injected.computeIfAbsent(fault, f -> new AtomicLong()).incrementAndGet();
            switch (fault) {
                case HTTP_500 -> {
                    pause(fault);
                    ex.sendResponseHeaders(500, -1);
                    return;
                }
                case THROTTLING, BUSINESS_LIMIT -> {
                    pause(fault);
                    answer(ex, 45009, "api freq out of limit");
                    return;
                }
                case TIMEOUT -> {
                    holdAndHangUp(ex);
                    return;
                }
                default -> {
                }
            }
            Post post = parse(key, body);
            if (!withinRate(key)) {
                pause(fault);
                answer(ex, 45009, "api freq out of limit, hint: [fake] more than " + perMinute + " a minute");
                return;
            }
            posts.add(post);
            if (fault == Fault.DROP_AFTER_RECEIPT) {
                hangUp(ex);
                return;
            }
            pause(fault);
            answer(ex, 0, "ok");
        } catch (Rejected r) {
            answer(ex, r.code, r.getMessage());
        } finally {
            ex.close();
        }
    }

    private Post parse(String key, String body) {
        Object json;
        try {
            json = Json.parse(body);
        } catch (IllegalArgumentException e) {
            throw new Rejected(40016, "invalid json: " + e.getMessage());
        }
        if (!(json instanceof Map<?, ?> m)) throw new Rejected(40016, "invalid json");
        Object type = m.get("msgtype");
        int limit;
        if ("text".equals(type)) limit = TEXT_BYTES;
        else if ("markdown".equals(type)) limit = MARKDOWN_BYTES;
        else throw new Rejected(40008, "invalid message type");
        Object part = m.get(type);
        Object content = part instanceof Map<?, ?> pm ? pm.get("content") : null;
        if (!(content instanceof String text) || text.isEmpty()) throw new Rejected(44004, "empty content");
        if (text.getBytes(StandardCharsets.UTF_8).length > limit) {
            throw new Rejected(45002, "content size out of limit (" + limit + " bytes)");
        }
        return new Post(key, (String) type, text, clock.instant());
    }

    private boolean withinRate(String key) {
        Deque<Instant> q = recent.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (q) {
            Instant now = clock.instant();
            while (!q.isEmpty() && q.peekFirst().isBefore(now.minusSeconds(60))) q.removeFirst();
            if (q.size() >= perMinute) return false;
            q.addLast(now);
            return true;
        }
    }

    private static void answer(HttpExchange ex, int code, String message) throws IOException {
        json(ex, 200, Map.of("errcode", code, "errmsg", message));
    }

    private static final class Rejected extends RuntimeException {
        final int code;

        Rejected(int code, String message) {
            super(message);
            this.code = code;
        }
    }
}
