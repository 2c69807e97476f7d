package dev.rekindle.predict;

import java.util.stream.IntStream;

/**
 * Sums a per-customer quantity over fixed chunks of customers, the chunks in parallel on the common pool.
 * The chunk boundaries do not depend on the number of cores and the partial sums are added in chunk order,
 * so the result is the same to the last bit on every machine: fits stay reproducible.
 */
final class ChunkedSum {

    static final int CHUNK = 1 << 16;

    /** The sum of one range [from, to) of customers. */
    @FunctionalInterface
    interface RangeSum {
        double sum(int from, int to);
    }

    private ChunkedSum() {
    }

    static double over(int n, RangeSum range) {
        int chunks = (n + CHUNK - 1) / CHUNK;
        if (chunks <= 1) {
            return range.sum(0, n);
        }
        double[] partial = IntStream.range(0, chunks).parallel()
                .mapToDouble(c -> range.sum(c * CHUNK, Math.min(n, (c + 1) * CHUNK))).toArray();
        double total = 0;
        for (double p : partial) {
            total += p;
        }
        return total;
    }
}
