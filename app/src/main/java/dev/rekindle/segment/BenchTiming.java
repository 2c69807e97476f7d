package dev.rekindle.segment;

/**
 * Benchmarks run the real app with {@code -Drekindle.bench=true} and read, next to the peak heap, how long
 * the command itself took (without JVM start-up) from stderr: {@code rekindle-bench segments-list-ms=12}.
 */
final class BenchTiming {

    private BenchTiming() {
    }

    static void report(String what, long startedNanos) {
        if (Boolean.getBoolean("rekindle.bench")) {
            System.err.printf("rekindle-bench %s-ms=%d%n", what, (System.nanoTime() - startedNanos) / 1_000_000);
        }
    }
}
