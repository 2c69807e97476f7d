package dev.rekindle.api.http;

import dev.rekindle.api.DeliveryResult;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The outcome of one webhook call, classified the way the host's delivery engine needs it, so that a
 * webhook channel is its business logic only:
 *
 * <ul>
 * <li>2xx → {@code ACCEPTED};</li>
 * <li>429 and 5xx → {@code TRANSIENT}, with the {@code Retry-After} header (seconds or an HTTP date) as
 *     the wait the host will honour;</li>
 * <li>any other status (4xx, 3xx) → {@code PERMANENT}: the same request would be refused again;</li>
 * <li>no connection (refused, DNS, connect timeout) → {@code TRANSIENT}: nothing was sent;</li>
 * <li>a timeout or a lost connection after the request went out → {@code UNKNOWN}: the message may have
 *     arrived, so the host reconciles instead of sending it twice.</li>
 * </ul>
 *
 * <pre>{@code
 * HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
 *         .header("Content-Type", "application/json; charset=utf-8")
 *         .POST(HttpRequest.BodyPublishers.ofString(JsonBody.object().put("text", m.text()).toJson()))
 *         .build();
 * return Webhooks.send(http, request, "the DingTalk robot");
 * }</pre>
 * Provider-specific answers (a 200 carrying {@code "errcode": 310000}) are the channel's to read: use
 * {@link #send(HttpClient, HttpRequest, String, BodyCheck)}.
 */
public final class Webhooks {

    private Webhooks() {
    }

    /** Reads a 2xx answer's body for a provider-level error; returns null when the body says all is well. */
    @FunctionalInterface
    public interface BodyCheck {
        DeliveryResult failureIn(String body);
    }

    /** Sends the request and classifies what happened; never throws. {@code what} names the receiver in details. */
    public static DeliveryResult send(HttpClient http, HttpRequest request, String what) {
        return send(http, request, what, body -> null);
    }

    /** As {@link #send(HttpClient, HttpRequest, String)}, with the 2xx body checked by {@code check}. */
    public static DeliveryResult send(HttpClient http, HttpRequest request, String what, BodyCheck check) {
        HttpResponse<String> r;
        try {
            r = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return failure(e, what);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeliveryResult.unknown("interrupted while waiting for " + what + "; the message may have arrived");
        }
        DeliveryResult byStatus = outcome(r.statusCode(), r.headers().firstValue("Retry-After").orElse(null), what);
        if (byStatus.outcome() != DeliveryResult.Outcome.ACCEPTED) return byStatus;
        DeliveryResult inBody = check.failureIn(r.body());
        return inBody != null ? inBody : byStatus;
    }

    /** The outcome of an HTTP status (and its Retry-After header, or null). */
    public static DeliveryResult outcome(int status, String retryAfter, String what) {
        if (status >= 200 && status < 300) return DeliveryResult.accepted("http-" + status);
        if (status == 429 || status >= 500) {
            return DeliveryResult.transientFailure("http-" + status, what + " answered HTTP " + status
                    + (status == 429 ? " (too many requests)" : ""), retryAfter(retryAfter));
        }
        return DeliveryResult.permanentFailure("http-" + status, what + " refused the message (HTTP " + status + ")");
    }

    /** The outcome of a call that got no HTTP answer. */
    public static DeliveryResult failure(IOException e, String what) {
        if (e instanceof HttpConnectTimeoutException || e instanceof ConnectException
                || e.getCause() instanceof UnresolvedAddressException || e.getCause() instanceof ConnectException) {
            return DeliveryResult.transientFailure("connect", "cannot reach " + what + ": " + e.getClass().getSimpleName(), null);
        }
        if (e instanceof HttpTimeoutException) {
            return DeliveryResult.unknown(what + " did not answer in time; the message may have arrived");
        }
        return DeliveryResult.unknown("connection to " + what + " lost before its answer ("
                + e.getClass().getSimpleName() + "); the message may have arrived");
    }

    /** {@code Retry-After}: delay-seconds or an HTTP date; null when absent or unreadable. */
    public static Duration retryAfter(String value) {
        if (value == null || value.isBlank()) return null;
        String v = value.trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
        } catch (NumberFormatException e) {
            try {
                Duration d = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }
}
