package dev.rekindle.delivery;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets (Bucket4j) for one run: one per channel, and one per sender where the provider limits
 * each sender (a WeCom robot: 20 a minute). A message takes a token from both before it is claimed, and
 * gives them back when a guard stops it, so skipped messages do not slow the others.
 *
 * <p>A bucket starts with one token and holds at most a quarter of a second's worth (at least one):
 * a run never opens with a burst, and a sender that stalled for a moment (a garbage collection, a busy
 * machine) catches up that quarter second instead of falling below the configured rate for good.
 */
final class RateLimits {

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** Blocks until the channel (and the sender, if any) may carry {@code n} more messages. */
    void acquire(String channel, RateSpec channelRate, String sender, RateSpec senderRate, int n) throws InterruptedException {
        Bucket c = bucket(channel, channelRate);
        if (c != null) c.asBlocking().consume(n);
        if (sender != null) {
            Bucket s = bucket(channel + "\u0000" + sender, senderRate);
            if (s != null) s.asBlocking().consume(n);
        }
    }

    /** Gives back tokens of messages that were not sent after all. */
    void refund(String channel, RateSpec channelRate, String sender, RateSpec senderRate, int n) {
        if (n <= 0) return;
        Bucket c = bucket(channel, channelRate);
        if (c != null) c.addTokens(n);
        if (sender != null) {
            Bucket s = bucket(channel + "\u0000" + sender, senderRate);
            if (s != null) s.addTokens(n);
        }
    }

    private Bucket bucket(String key, RateSpec rate) {
        if (rate == null || rate.unlimited()) return null;
        return buckets.computeIfAbsent(key, k -> {
            long burst = Math.max(1, Math.round(rate.perSecond() / 4));
            Bandwidth limit = Bandwidth.builder().capacity(burst).refillGreedy(rate.tokens(), rate.period()).initialTokens(1).build();
            return Bucket.builder().addLimit(limit).build();
        });
    }
}
