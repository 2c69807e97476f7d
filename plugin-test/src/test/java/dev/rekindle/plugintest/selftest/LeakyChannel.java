package dev.rekindle.plugintest.selftest;

import dev.rekindle.api.Channel;
import dev.rekindle.api.ChannelTraits;
import dev.rekindle.api.ContactKind;
import dev.rekindle.api.DeliveryResult;
import dev.rekindle.api.OutboundMessage;
import dev.rekindle.api.Setting;
import dev.rekindle.api.http.JsonBody;
import dev.rekindle.api.http.Webhooks;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A webhook channel with the two mistakes the kit exists to catch: it reads a setting it does not declare,
 * and it reports a lost answer as a transient failure (so the host sends the message again). Jarred as a
 * plugin by {@link ChannelKitSelfTests}; deliberately without {@code @Extension} (the test writes the index).
 */
public class LeakyChannel implements Channel {

    private String url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Override
    public String id() {
        return "leaky";
    }

    @Override
    public String title() {
        return "A channel that gets things wrong (kit self-test)";
    }

    @Override
    public ChannelTraits traits() {
        return new ChannelTraits(ContactKind.GROUP, 2000, 0, 1, 20, false, true);
    }

    @Override
    public List<Setting> declaredSettings() {
        return List.of(Setting.named("url").description("the webhook").required().secret().build());
    }

    @Override
    public void configure(Map<String, String> settings) {
        url = settings.get("url");
        settings.get("mood"); // not declared
    }

    @Override
    public DeliveryResult deliver(OutboundMessage m) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2))
                .header("Idempotency-Key", m.idempotencyKey())
                .POST(HttpRequest.BodyPublishers.ofString(JsonBody.object().put("text", m.text()).toJson(), StandardCharsets.UTF_8))
                .build();
        DeliveryResult r = Webhooks.send(http, request, "the leaky webhook");
        // the classic mistake: "no answer" treated as "not sent", so the host retries it
        return r.outcome() == DeliveryResult.Outcome.UNKNOWN ? DeliveryResult.transientFailure("timeout", r.detail(), null) : r;
    }
}
