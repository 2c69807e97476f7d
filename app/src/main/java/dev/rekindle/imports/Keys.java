package dev.rekindle.imports;

/**
 * Compact 64-bit keys for the shop's ids, so that millions of them fit in primitive hash tables instead of
 * millions of String objects. Digit strings of up to 17 characters map exactly (value and length, so "007"
 * and "7" differ); other ids map to a 63-bit hash, where two different ids share a key with a probability
 * of about n²/2⁶⁴ (10⁻⁶ for five million ids) — used only where such a collision is harmless or checked.
 */
final class Keys {

    private Keys() {
    }

    /** True when {@link #of} is exact (injective) for this id. */
    static boolean exact(String id) {
        int n = id.length();
        if (n == 0 || n > 17) return false;
        for (int i = 0; i < n; i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') return false;
        }
        return true;
    }

    static long of(String id) {
        if (exact(id)) {
            long v = 0;
            for (int i = 0; i < id.length(); i++) {
                v = v * 10 + (id.charAt(i) - '0');
            }
            return v * 32 + id.length(); // positive: at most 10^17 * 32 < 2^63
        }
        long h = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < id.length(); i++) {
            h = (h ^ id.charAt(i)) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 29;
        }
        h ^= id.length();
        h = (h ^ (h >>> 31)) * 0x94D049BB133111EBL;
        return (h ^ (h >>> 32)) | Long.MIN_VALUE; // negative: never equal to an exact key
    }
}
