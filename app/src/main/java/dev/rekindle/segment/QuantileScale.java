package dev.rekindle.segment;

import java.util.Arrays;

/**
 * Scores 1–5 from four cut points at the 20/40/60/80 % quantiles of the values: a value scores one more
 * than the number of cuts it is strictly above. Equal values therefore always get equal scores (plain
 * NTILE splits ties arbitrarily); with many ties some scores stay empty. For distinct values the result
 * is the same as NTILE(5).
 *
 * <p>Higher scores mean "better": for recency, where fewer days is better, fit and score the negated
 * days ({@link #fitLowerIsBetter}).
 */
public final class QuantileScale {

    private final double[] cuts;
    private final boolean lowerIsBetter;

    private QuantileScale(double[] cuts, boolean lowerIsBetter) {
        this.cuts = cuts;
        this.lowerIsBetter = lowerIsBetter;
    }

    /** @param values the values of every scored customer (not modified); empty gives a scale that scores all 1 */
    public static QuantileScale fit(double[] values, int count) {
        return new QuantileScale(cutsOf(values, count, false), false);
    }

    /** For recency: the fewest days scores 5. */
    public static QuantileScale fitLowerIsBetter(double[] values, int count) {
        return new QuantileScale(cutsOf(values, count, true), true);
    }

    private static double[] cutsOf(double[] values, int count, boolean negate) {
        double[] sorted = new double[count];
        for (int i = 0; i < count; i++) {
            sorted[i] = negate ? -values[i] : values[i];
        }
        Arrays.sort(sorted);
        double[] cuts = new double[4];
        for (int k = 1; k <= 4; k++) {
            // the value at the k/5 quantile: sorted[ceil(k*n/5) - 1]; an empty scale has no cut to pass
            cuts[k - 1] = count == 0 ? Double.POSITIVE_INFINITY : sorted[(int) Math.ceil(k * (double) count / 5) - 1];
        }
        return cuts;
    }

    public int score(double value) {
        double v = lowerIsBetter ? -value : value;
        int score = 1;
        for (double c : cuts) {
            if (v > c) {
                score++;
            }
        }
        return score;
    }

    /** The cut points in the value's own unit (days for recency), in score order: passing the first gives 2. */
    public double[] cuts() {
        double[] out = cuts.clone();
        if (lowerIsBetter) {
            for (int i = 0; i < out.length; i++) {
                out[i] = -out[i];
            }
        }
        return out;
    }
}
