package dev.rekindle.api;

import java.time.Duration;

/**
 * What a channel reports about one delivery attempt.
 *
 * @param outcome    accepted, transient failure (safe to retry), permanent failure, or unknown
 * @param providerId the provider's id for the message (e.g. Aliyun BizId), when accepted
 * @param code       the provider's error code, when it failed
 * @param detail     a human-readable explanation (no secrets, no full phone numbers)
 * @param retryAfter how long the provider asked us to wait (Retry-After), or null
 */
public record DeliveryResult(Outcome outcome, String providerId, String code, String detail, Duration retryAfter) {

    public enum Outcome {
        /** The provider took the message. */
        ACCEPTED,
        /** Failed before the provider acted on it (timeout before sending, 5xx, throttling): retry later. */
        TRANSIENT,
        /** Will fail again (bad number, rejected content, daily limit): record and move on. */
        PERMANENT,
        /** The request went out and no answer came: never re-send automatically, reconcile instead. */
        UNKNOWN
    }

    public static DeliveryResult accepted(String providerId) {
        return new DeliveryResult(Outcome.ACCEPTED, providerId, null, null, null);
    }

    public static DeliveryResult transientFailure(String code, String detail, Duration retryAfter) {
        return new DeliveryResult(Outcome.TRANSIENT, null, code, detail, retryAfter);
    }

    public static DeliveryResult permanentFailure(String code, String detail) {
        return new DeliveryResult(Outcome.PERMANENT, null, code, detail, null);
    }

    /** Code of {@link #notReceived}: the provider has no trace of the message. */
    public static final String NOT_RECEIVED = "not-received";

    /**
     * From {@link Channel#queryStatus}: the provider never received the message, so sending it again
     * cannot make a duplicate.
     */
    public static DeliveryResult notReceived(String detail) {
        return new DeliveryResult(Outcome.TRANSIENT, null, NOT_RECEIVED, detail, null);
    }

    public boolean isNotReceived() {
        return outcome == Outcome.TRANSIENT && NOT_RECEIVED.equals(code);
    }

    public static DeliveryResult unknown(String detail) {
        return new DeliveryResult(Outcome.UNKNOWN, null, null, detail, null);
    }
}
