package dev.rekindle.fakes;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A generic JSON webhook on loopback, for channels that post one message per request (a chat robot, a
 * notification service): takes any {@code POST} under any path, answers {@code 200} with a configurable
 * body, and tells the messages apart by Rekindle's idempotency key ({@code rk-c…}) found in a header, the
 * query or the body. Faults from its {@link #faults() plan}:
 * <ul>
 * <li>{@link Fault#HTTP_500}: {@code 503 Service Unavailable}, not taken;</li>
 * <li>{@link Fault#THROTTLING}: {@code 429 Too Many Requests} with {@code Retry-After: 1}, not taken;</li>
 * <li>{@link Fault#TIMEOUT}: held without an answer, then the connection is closed, not taken;</li>
 * <li>{@link Fault#DROP_AFTER_RECEIPT}: taken, then the connection is dropped before any answer;</li>
 * <li>{@link Fault#SLOW}: taken and answered after a pause.</li>
 * </ul>
 * Provider-specific faults ({@link Fault#BUSINESS_LIMIT}) are answered like {@code HTTP_500}.
 */
public final class WebhookFake extends FakeServer {

    /** Rekindle's idempotency key: campaign, customer or group digest, channel id. */
    public static final Pattern KEY = Pattern.compile("rk-(?:c\\d+-(?:u\\d+|g[0-9a-f]+)|test-\\d+)-[a-z0-9][a-z0-9._-]*");

    /** One request as the fake saw it. */
    public record Request(String path, Map<String, String> headers, String body, String key, Fault fault) {

        /** True when the message reached the receiver (it would show in the group). */
        public boolean taken() {
            return fault.takesMessage();
        }
    }

    private final ConcurrentLinkedQueue<Request> seen = new ConcurrentLinkedQueue<>();
    private final Map<String, AtomicLong> takenByKey = new ConcurrentHashMap<>();
    private final AtomicLong unidentified = new AtomicLong();
    private volatile Function<Request, String> keyOf = WebhookFake::defaultKey;
    private volatile int okStatus = 200;
    private volatile String okBody = "{\"ok\":true}";

    public WebhookFake(int port) {
        super(port);
        http().createContext("/", this::handle);
    }

    @Override
    public WebhookFake start() {
        super.start();
        return this;
    }

    @Override
    public WebhookFake latency(long millis) {
        super.latency(millis);
        return this;
    }

    @Override
    public WebhookFake timeoutHold(long millis) {
        super.timeoutHold(millis);
        return this;
    }

    /** {@code http://127.0.0.1:PORT/path} */
    public String url(String path) {
        return baseUrl() + (path.startsWith("/") ? path : "/" + path);
    }

    /** What a message that is taken gets back, e.g. {@code 200} and {@code {"errcode":0}} for a DingTalk robot. */
    public WebhookFake answer(int status, String body) {
        this.okStatus = status;
        this.okBody = body == null ? "" : body;
        return this;
    }

    /** How to find the idempotency key in a request, when the channel does not send it in a way the default finds. */
    public WebhookFake keyOf(Function<Request, String> keyOf) {
        this.keyOf = keyOf;
        return this;
    }

    /** The first {@code rk-c…} key in the {@code Idempotency-Key} header, any other header, the query or the body. */
    public static String defaultKey(Request r) {
        String h = r.headers().get("idempotency-key");
        if (h != null && !h.isBlank()) return h.trim();
        for (String v : r.headers().values()) {
            Optional<String> k = find(v);
            if (k.isPresent()) return k.get();
        }
        return find(r.path()).or(() -> find(r.body())).orElse(null);
    }

    private static Optional<String> find(String text) {
        if (text == null) return Optional.empty();
        Matcher m = KEY.matcher(text);
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }

    /** Every request received, in order of arrival. */
    public List<Request> received() {
        return List.copyOf(seen);
    }

    /** Messages taken (they reached the receiver), by idempotency key. */
    public Map<String, Long> takenByKey() {
        Map<String, Long> m = new TreeMap<>();
        takenByKey.forEach((k, v) -> m.put(k, v.get()));
        return m;
    }

    /** Requests in which no idempotency key was found (see {@link #keyOf}). */
    public long unidentified() {
        return unidentified.get();
    }

    @Override
    public Map<String, Object> stats() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("requests", seen.size());
        m.put("taken", takenByKey.values().stream().mapToLong(AtomicLong::get).sum());
        m.put("keys", takenByKey.size());
        m.put("unidentified", unidentified.get());
        return m;
    }

    @Override
    public void reset() {
        resetCommon();
        seen.clear();
        takenByKey.clear();
        unidentified.set(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            if (!"POST".equals(ex.getRequestMethod())) {
                answer(ex, 405, "{\"error\":\"POST only\"}", Map.of());
                return;
            }
            requests.incrementAndGet();
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new LinkedHashMap<>();
            ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), String.join(",", v)));
            String path = ex.getRequestURI().toString();
            Fault fault = takeFault();
            Request probe = new Request(path, headers, body, null, fault);
            String key = keyOf.apply(probe);
            Request r = new Request(path, headers, body, key, fault);
            seen.add(r);
            if (key == null) unidentified.incrementAndGet();
            if (r.taken() && key != null) takenByKey.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
            switch (fault) {
                case HTTP_500, BUSINESS_LIMIT -> {
                    pause(fault);
                    answer(ex, 503, "{\"error\":\"service unavailable\"}", Map.of());
                }
                case THROTTLING -> {
                    pause(fault);
                    answer(ex, 429, "{\"error\":\"too many requests\"}", Map.of("Retry-After", "1"));
                }
                case TIMEOUT -> holdAndHangUp(ex);
                case DROP_AFTER_RECEIPT -> hangUp(ex);
                default -> {
                    pause(fault);
                    answer(ex, okStatus, okBody, Map.of());
                }
            }
        } finally {
            ex.close();
        }
    }

    private static void answer(HttpExchange ex, int status, String body, Map<String, String> headers) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json;charset=utf-8");
        headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
