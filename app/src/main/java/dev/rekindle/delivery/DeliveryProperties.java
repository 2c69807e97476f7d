package dev.rekindle.delivery;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

/**
 * Sending and the guard (rekindle.delivery.*); defaults in the shipped application.yml. The guard's
 * rules (quiet hours, caps, consent, give-up) are read here once and applied alike when planning (a
 * forecast), before a dry run renders, and when a message is sent; DeliveryPolicy checks them.
 * Durations whose key names a unit (-ms, -seconds) take a bare number in that unit, or any
 * duration such as 2m.
 *
 * @param concurrency             messages in flight at once, across channels
 * @param rate                    rate per channel id: 50/s, 20/min, 1000/h or
 *                                unlimited; a channel without one uses its own default
 * @param retry                   retries of transient failures (5xx, throttling, timeouts before sending)
 * @param haltAfterFailures       stop the run (losing nothing) after this many failures in a row
 * @param quietHours              nobody is messaged in these hours of the shop's day, e.g. 21:00-08:00;
 *                                due messages wait, none is dropped
 * @param caps                    per customer, across campaigns: at most N messages of a purpose within D days
 * @param marketingConsent        consent channel (sms, email, wechat) → required (a recorded grant) or
 *                                unless-refused; refusals always stop every purpose
 * @param consentChannel          channel id → the consent channel it answers to, when not by its contact kind
 * @param giveUpAfter             stop marketing to a customer after N marketing messages without an order in
 *                                between (0 = never)
 * @param reconcile               looking up unknown outcomes
 * @param leaseStaleSeconds       a run whose heartbeat is older is taken over by the next send/resume
 * @param channelLockWaitSeconds  how long a send waits for another process sending on the same channel
 */
@ConfigurationProperties("rekindle.delivery")
public record DeliveryProperties(
        int concurrency,
        Map<String, String> rate,
        Retry retry,
        int haltAfterFailures,
        String quietHours,
        Caps caps,
        Map<String, String> marketingConsent,
        Map<String, String> consentChannel,
        int giveUpAfter,
        Reconcile reconcile,
        @DurationUnit(ChronoUnit.SECONDS) Duration leaseStaleSeconds,
        @DurationUnit(ChronoUnit.SECONDS) Duration channelLockWaitSeconds) {

    public DeliveryProperties {
        rate = rate == null ? Map.of() : Map.copyOf(rate);
        marketingConsent = marketingConsent == null ? Map.of() : Map.copyOf(marketingConsent);
        consentChannel = consentChannel == null ? Map.of() : Map.copyOf(consentChannel);
    }

    /**
     * Exponential backoff with jitter, never sooner than Retry-After; after max-attempts the message stays
     * pending for a resume.
     *
     * @param maxAttempts attempts per message
     * @param baseMs      the first wait
     * @param maxMs       the longest wait
     */
    public record Retry(int maxAttempts, @DurationUnit(ChronoUnit.MILLIS) Duration baseMs,
            @DurationUnit(ChronoUnit.MILLIS) Duration maxMs) {
    }

    /**
     * Frequency caps, e.g. 1/7d,4/30d.
     *
     * @param marketing caps on marketing messages
     * @param care      caps on care messages (birthdays, thanks, holidays)
     */
    public record Caps(String marketing, String care) {
    }

    /** @param minAgeSeconds unknown outcomes younger than this are not looked up yet */
    public record Reconcile(@DurationUnit(ChronoUnit.SECONDS) Duration minAgeSeconds) {
    }
}
