package dev.rekindle.report.uplift;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Holm's step-down adjustment (Holm 1979) of the p-values of one breakdown: a table of ten segments is ten tests,
 * and at 5 % each about one in twenty shows a "significant" difference by chance alone. Holm keeps the chance of
 * even one false "significant" row in the table at 5 % (family-wise), with no assumption on how the rows depend
 * on each other, and rejects at least as much as Bonferroni. Unknown p-values (NaN) are not tests and are left out.
 */
public final class Holm {

    private Holm() {
    }

    /** Adjusted p-values in the order given: p_(i) * (m - i + 1), made monotone, capped at 1. */
    public static double[] adjust(double[] p) {
        Integer[] order = new Integer[p.length];
        int m = 0;
        for (int i = 0; i < p.length; i++) {
            if (!Double.isNaN(p[i])) {
                order[m++] = i;
            }
        }
        Integer[] tested = Arrays.copyOf(order, m);
        Arrays.sort(tested, Comparator.comparingDouble(i -> p[i]));
        double[] adjusted = new double[p.length];
        Arrays.fill(adjusted, Double.NaN);
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            int i = tested[rank];
            running = Math.max(running, Math.min(1, p[i] * (m - rank)));
            adjusted[i] = running;
        }
        return adjusted;
    }
}
