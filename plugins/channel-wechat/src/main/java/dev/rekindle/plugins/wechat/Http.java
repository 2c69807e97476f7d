package dev.rekindle.plugins.wechat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.rekindle.api.DeliveryResult;
import dev.rekindle.api.http.LazyHttpClient;
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

/**
 * One JSON POST to a WeChat endpoint, classified the way the host needs it: not sent (transient),
 * no answer after sending (unknown), or the provider's JSON answer. URLs carry keys and tokens: they
 * are never put into a result or a log.
 */
final class Http {

    /** The provider's JSON answer, or the delivery result that replaces it. */
    record Reply(JsonObject json, DeliveryResult failure) {
    }

    private final LazyHttpClient client;
    private final Duration timeout;

    Http(Duration connectTimeout, Duration timeout) {
        this.client = LazyHttpClient.of(() -> HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build());
        this.timeout = timeout;
    }

    Reply post(String url, String body, String what) {
        return call(HttpRequest.newBuilder(URI.create(url)).timeout(timeout).header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), what, true);
    }

    /** A GET that sends nothing to anybody (e.g. fetching an access token): every failure is transient. */
    Reply get(String url, String what) {
        return call(HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build(), what, false);
    }

    private Reply call(HttpRequest request, String what, boolean sends) {
        HttpResponse<String> r;
        try {
            r = client.get().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException | ConnectException e) {
            return new Reply(null, DeliveryResult.transientFailure("connect", "cannot reach " + what + ": " + e.getClass().getSimpleName(), null));
        } catch (HttpTimeoutException e) {
            return new Reply(null, sends ? DeliveryResult.unknown("no answer from " + what + " in time; the message may have been posted")
                    : DeliveryResult.transientFailure("timeout", "no answer from " + what, null));
        } catch (IOException e) {
            return new Reply(null, sends ? DeliveryResult.unknown("connection lost before " + what + " answered; the message may have been posted")
                    : DeliveryResult.transientFailure("io", "connection lost talking to " + what, null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(null, sends ? DeliveryResult.unknown("interrupted while waiting for " + what)
                    : DeliveryResult.transientFailure("interrupted", "interrupted", null));
        }
        if (r.statusCode() >= 500 || r.statusCode() == 429) {
            return new Reply(null, DeliveryResult.transientFailure("http-" + r.statusCode(), what + " answered HTTP " + r.statusCode(),
                    r.headers().firstValue("Retry-After").map(Http::seconds).orElse(null)));
        }
        try {
            JsonElement e = JsonParser.parseString(r.body());
            if (e.isJsonObject()) return new Reply(e.getAsJsonObject(), null);
        } catch (JsonParseException ignored) {
            // below
        }
        return new Reply(null, DeliveryResult.transientFailure("http-" + r.statusCode(), what + " gave no JSON answer (HTTP "
                + r.statusCode() + ")", null));
    }

    static int errcode(JsonObject o) {
        JsonElement e = o.get("errcode");
        return e == null || e.isJsonNull() ? 0 : e.getAsInt();
    }

    static String errmsg(JsonObject o) {
        JsonElement e = o.get("errmsg");
        return e == null || e.isJsonNull() ? "" : e.getAsString();
    }

    private static Duration seconds(String v) {
        try {
            return Duration.ofSeconds(Long.parseLong(v.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
