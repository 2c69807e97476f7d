package dev.rekindle.guard;

/**
 * The control group: a customer is held out when a hash of (campaign seed, customer id) falls below the
 * holdout share. Deterministic — the same campaign and customer always give the same answer, on any
 * machine — and independent of the order customers are read in.
 */
public final class Holdout {

    private Holdout() {
    }

    public static boolean isHeldOut(long seed, long customerId, double pct) {
        if (pct <= 0) return false;
        if (pct >= 100) return true;
        long bucket = Long.remainderUnsigned(mix(seed ^ mix(customerId)), 1_000_000L);
        return bucket < Math.round(pct * 10_000);
    }

    /** A stable seed from text (e.g. strategy and as-of date), so a re-plan draws the same group. */
    public static long seedOf(String text) {
        long h = 0xcbf29ce484222325L; // FNV-1a, then mixed
        for (byte b : text.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    /** SplitMix64's finaliser: spreads neighbouring ids over the whole range. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
