package dev.rekindle.plugins.taobaogroup;

import dev.rekindle.api.DeliveryResult;
import dev.rekindle.api.OutboundMessage;
import dev.rekindle.api.http.JsonBody;
import dev.rekindle.api.http.LazyHttpClient;
import dev.rekindle.api.http.Webhooks;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Posts a group message as JSON to the operator's automation tool. The body is built and the answer
 * classified by the API's helpers ({@link JsonBody}, {@link Webhooks}): this class is only what is
 * particular to this webhook.
 */
final class Webhook {

    private final URI url;
    private final String token;
    private final Duration timeout;
    private final LazyHttpClient http;

    Webhook(String url, String token, int timeoutMs) {
        this.url = URI.create(url);
        this.token = token == null || token.isBlank() ? null : token.trim();
        this.timeout = Duration.ofMillis(timeoutMs);
        this.http = LazyHttpClient.of(() -> HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofMillis(Math.min(timeoutMs, 3000))).build());
    }

    DeliveryResult post(OutboundMessage m) {
        String body = JsonBody.object().put("group", m.recipient()).put("text", m.text().strip())
                .put("key", m.idempotencyKey()).put("campaign", m.campaignId()).toJson();
        HttpRequest.Builder b = HttpRequest.newBuilder(url).timeout(timeout).header("Content-Type", "application/json; charset=utf-8")
                .header("Idempotency-Key", m.idempotencyKey())
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return Webhooks.send(http.get(), b.build(), "the group webhook");
    }
}
