package dev.rekindle.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.rekindle.api.DeliveryResult;
import dev.rekindle.api.DeliveryResult.Outcome;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A real HTTP server on loopback answering what a webhook can answer. */
class WebhooksTests {

    private HttpServer server;
    private final AtomicReference<String> received = new AtomicReference<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", x -> {
            received.set(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String path = x.getRequestURI().getPath();
            if (path.equals("/slow")) {
                try {
                    Thread.sleep(6000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int status = Integer.parseInt(path.substring(1).replace("slow", "200"));
            if (status == 429) x.getResponseHeaders().add("Retry-After", "7");
            byte[] body = (status == 200 && x.getRequestURI().getQuery() != null ? "{\"errcode\":310000}" : "{\"errcode\":0}")
                    .getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(status, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private DeliveryResult post(String path, Duration timeout) {
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path))
                .timeout(timeout).POST(HttpRequest.BodyPublishers.ofString(JsonBody.object().put("text", "你好\n\"x\"").toJson()))
                .build();
        return Webhooks.send(http, r, "the robot", body -> body.contains("310000") ? DeliveryResult.permanentFailure("310000", "keyword") : null);
    }

    @Test
    void classifiesEachKindOfAnswer() {
        assertEquals(Outcome.ACCEPTED, post("/200", Duration.ofSeconds(5)).outcome());
        assertEquals("{\"text\":\"你好\\n\\\"x\\\"\"}", received.get());
        assertEquals(Outcome.ACCEPTED, post("/204", Duration.ofSeconds(5)).outcome());
        DeliveryResult refused = post("/400", Duration.ofSeconds(5));
        assertEquals(Outcome.PERMANENT, refused.outcome());
        assertEquals("http-400", refused.code());
        DeliveryResult throttled = post("/429", Duration.ofSeconds(5));
        assertEquals(Outcome.TRANSIENT, throttled.outcome());
        assertEquals(Duration.ofSeconds(7), throttled.retryAfter());
        assertEquals(Outcome.TRANSIENT, post("/503", Duration.ofSeconds(5)).outcome());
        DeliveryResult inBody = post("/200?bad", Duration.ofSeconds(5));
        assertEquals(Outcome.PERMANENT, inBody.outcome());
        assertEquals("310000", inBody.code());
    }

    @Test
    void aTimeoutAfterSendingIsUnknownAndNoConnectionIsTransient() throws Exception {
        // long enough to connect even on a loaded machine (a timeout while connecting is TRANSIENT: nothing went out)
        DeliveryResult slow = post("/slow", Duration.ofMillis(2000));
        assertEquals(Outcome.UNKNOWN, slow.outcome(), "the request went out: it may have arrived");
        assertTrue(slow.detail().contains("the robot did not answer in time"), slow.detail());

        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + closed + "/")).POST(HttpRequest.BodyPublishers.noBody()).build();
        DeliveryResult refused = Webhooks.send(http, r, "the robot");
        assertEquals(Outcome.TRANSIENT, refused.outcome(), refused.detail());
        assertEquals("connect", refused.code());
    }

    @Test
    void readsRetryAfterAsSecondsOrAnHttpDate() {
        assertEquals(Duration.ofSeconds(120), Webhooks.retryAfter("120"));
        assertTrue(Webhooks.retryAfter("Wed, 21 Oct 2099 07:28:00 GMT").toDays() > 1000);
        assertEquals(Duration.ZERO, Webhooks.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT"));
        assertNull(Webhooks.retryAfter("soon"));
    }
}
