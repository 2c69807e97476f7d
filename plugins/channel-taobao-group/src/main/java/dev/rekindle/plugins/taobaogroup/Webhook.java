package dev.rekindle.plugins.taobaogroup;

import dev.rekindle.api.DeliveryResult;
import dev.rekindle.api.OutboundMessage;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Posts a group message as JSON to the operator's automation tool. */
final class Webhook {

    private final URI url;
    private final String token;
    private final Duration timeout;
    private final HttpClient http;

    Webhook(String url, String token, int timeoutMs) {
        this.url = URI.create(url);
        this.token = token == null || token.isBlank() ? null : token.trim();
        this.timeout = Duration.ofMillis(timeoutMs);
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofMillis(Math.min(timeoutMs, 3000))).build();
    }

    DeliveryResult post(OutboundMessage m) {
        String body = "{\"group\":" + quote(m.recipient()) + ",\"text\":" + quote(m.text().strip()) + ",\"key\":"
                + quote(m.idempotencyKey()) + ",\"campaign\":" + m.campaignId() + "}";
        HttpRequest.Builder b = HttpRequest.newBuilder(url).timeout(timeout).header("Content-Type", "application/json; charset=utf-8")
                .header("Idempotency-Key", m.idempotencyKey())
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) b.header("Authorization", "Bearer " + token);
        HttpResponse<Void> r;
        try {
            r = http.send(b.build(), HttpResponse.BodyHandlers.discarding());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            return DeliveryResult.transientFailure("connect", "cannot reach the group webhook: " + e.getClass().getSimpleName(), null);
        } catch (HttpTimeoutException e) {
            return DeliveryResult.unknown("the group webhook did not answer in time; the message may have been posted");
        } catch (IOException e) {
            return DeliveryResult.unknown("connection to the group webhook lost before its answer; the message may have been posted");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeliveryResult.unknown("interrupted while waiting for the group webhook");
        }
        int s = r.statusCode();
        if (s >= 200 && s < 300) return DeliveryResult.accepted("webhook " + s);
        if (s >= 500 || s == 429) {
            return DeliveryResult.transientFailure("http-" + s, "the group webhook answered HTTP " + s,
                    r.headers().firstValue("Retry-After").map(Webhook::seconds).orElse(null));
        }
        return DeliveryResult.permanentFailure("http-" + s, "the group webhook refused the message (HTTP " + s + ")");
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.append('"').toString();
    }

    private static Duration seconds(String v) {
        try {
            return Duration.ofSeconds(Long.parseLong(v.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
