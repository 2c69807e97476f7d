package dev.rekindle.delivery;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try a transient failure again: exponential backoff with full jitter (base × 2^(attempt-1),
 * capped, a random share of it), never sooner than the provider's Retry-After.
 */
record RetryPolicy(int maxAttempts, Duration base, Duration max) {

    static RetryPolicy of(DeliveryPolicy p) {
        return new RetryPolicy(p.maxAttempts(), p.retryBase(), p.retryMax());
    }

    boolean mayRetry(int attemptsSoFar) {
        return attemptsSoFar < maxAttempts;
    }

    Duration delay(int attemptsSoFar, Duration retryAfter) {
        long cap = max.toMillis();
        long exp = base.toMillis() << Math.min(20, Math.max(0, attemptsSoFar - 1));
        long ceiling = Math.min(cap, Math.max(exp, 1));
        // half fixed, half random: spreads retries of a burst of failures without ever retrying at once
        long delay = ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
        if (retryAfter != null) delay = Math.max(delay, retryAfter.toMillis());
        return Duration.ofMillis(delay);
    }
}
