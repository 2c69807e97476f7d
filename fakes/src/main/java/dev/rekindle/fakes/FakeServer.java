package dev.rekindle.fakes;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What every fake provider shares: a JDK HTTP server on the loopback interface, a fixed answer latency,
 * a fault plan, and control endpoints for scripts and tests:
 * <ul>
 * <li>{@code GET /_fake/stats} — counts as JSON</li>
 * <li>{@code POST /_fake/faults?fault=HTTP_500&count=3} or {@code ?fault=THROTTLING&rate=0.1&seed=7}</li>
 * <li>{@code POST /_fake/reset} — forget every message and fault</li>
 * </ul>
 */
public abstract class FakeServer implements AutoCloseable {

    static {
        // The JDK server writes headers and body in separate segments; with Nagle's algorithm on, the
        // client's delayed ACK adds ~40 ms to every answer on a kept-alive connection. Providers do not.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService pool;
    private final FaultPlan faults = new FaultPlan();
    private volatile long latencyMillis;
    private volatile long slowMillis = 2_000;
    private volatile long timeoutHoldMillis = 15_000;
    protected final AtomicLong requests = new AtomicLong();

    protected FakeServer(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 512);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
        // one thread per waiting request: latency and held requests must not queue behind each other
        pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, getClass().getSimpleName());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/_fake/", this::control);
    }

    protected HttpServer http() {
        return server;
    }

    public FakeServer start() {
        server.start();
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:PORT} */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public FaultPlan faults() {
        return faults;
    }

    /** Every answer waits this long, like a real provider across the network. */
    public FakeServer latency(long millis) {
        this.latencyMillis = millis;
        return this;
    }

    /** How long {@link Fault#SLOW} answers wait. */
    public FakeServer slow(long millis) {
        this.slowMillis = millis;
        return this;
    }

    /** How long {@link Fault#TIMEOUT} holds a request before closing it unanswered. */
    public FakeServer timeoutHold(long millis) {
        this.timeoutHoldMillis = millis;
        return this;
    }

    public long requests() {
        return requests.get();
    }

    /** Counts for {@code /_fake/stats}. */
    public abstract Map<String, Object> stats();

    /** Forgets what was received (messages, counters); faults are cleared too. */
    public abstract void reset();

    protected void resetCommon() {
        requests.set(0);
        faults.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }

    // ---- helpers for the providers ---------------------------------------------------------------

    protected Fault takeFault() {
        return faults.take();
    }

    protected void pause(Fault fault) {
        sleep(latencyMillis + (fault == Fault.SLOW ? slowMillis : 0));
    }

    /** {@link Fault#TIMEOUT}: keep the client waiting, then hang up without taking the message. */
    protected void holdAndHangUp(HttpExchange ex) {
        sleep(timeoutHoldMillis);
        ex.close();
    }

    /** {@link Fault#DROP_AFTER_RECEIPT}: closing before any header is sent drops the connection. */
    protected static void hangUp(HttpExchange ex) {
        ex.close();
    }

    protected static void sleep(long millis) {
        if (millis <= 0) return;
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    protected static void json(HttpExchange ex, int status, Object body) throws IOException {
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json;charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Query string or form body parameters, decoded. */
    protected static Map<String, String> params(String encoded) {
        Map<String, String> m = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) return m;
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            m.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return m;
    }

    private void control(HttpExchange ex) throws IOException {
        try {
            String path = ex.getRequestURI().getPath();
            Map<String, String> q = params(ex.getRequestURI().getRawQuery());
            switch (path) {
                case "/_fake/stats" -> json(ex, 200, stats());
                case "/_fake/reset" -> {
                    reset();
                    json(ex, 200, Map.of("reset", true));
                }
                case "/_fake/faults" -> {
                    Fault f = Fault.parse(q.getOrDefault("fault", "NONE"));
                    if (q.containsKey("rate")) {
                        faults.random(f, Double.parseDouble(q.get("rate")), Long.parseLong(q.getOrDefault("seed", "42")));
                    } else {
                        faults.next(f, Integer.parseInt(q.getOrDefault("count", "1")));
                    }
                    json(ex, 200, Map.of("fault", f.name()));
                }
                case "/_fake/latency" -> {
                    latency(Long.parseLong(q.getOrDefault("ms", "0")));
                    json(ex, 200, Map.of("latencyMs", latencyMillis));
                }
                default -> json(ex, 404, Map.of("error", "unknown control path " + path));
            }
        } catch (IllegalArgumentException e) {
            json(ex, 400, Map.of("error", String.valueOf(e.getMessage())));
        } finally {
            ex.close();
        }
    }
}
