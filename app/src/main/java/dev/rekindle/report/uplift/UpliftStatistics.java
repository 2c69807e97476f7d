package dev.rekindle.report.uplift;

import dev.rekindle.i18n.Tr;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.distribution.continuous.TDistribution;

/**
 * Compares the contacted group with the holdout group.
 * <ul>
 * <li>Absolute uplift p1 - p2 with Newcombe's hybrid score interval (see {@link ProportionIntervals}).</li>
 * <li>Relative uplift p1 / p2 - 1 with the Katz log risk-ratio interval: the ratio's sampling distribution
 *     is skewed, its logarithm close to normal; undefined when either group has no buyer.</li>
 * <li>Two-sided two-proportion z-test with the pooled rate (the same p-value as a chi-square test without
 *     continuity correction). Its normal approximation needs at least {@value #MIN_EXPECTED} expected buyers
 *     and non-buyers in each group; below that the verdict is "not enough data" whatever the p-value.</li>
 * <li>Revenue per customer (zeros included) with Welch's t interval: the groups have different sizes and
 *     variances, so the pooled-variance t interval would be wrong. Revenue is very skewed, so this leans on
 *     the central limit theorem: trust it for groups of hundreds, not of ten.</li>
 * </ul>
 * The interval and the test are different methods; exactly at the 5% boundary they can disagree.
 */
public final class UpliftStatistics {

    public static final double MIN_EXPECTED = 5;
    // why there is no verdict: English in JSON and CSV, translated on screen (see reasonText)
    private static final String NO_HOLDOUT = Tr.n("no holdout group: without customers left uncontacted there is nothing to compare with");
    private static final String NO_CONTACTED = Tr.n("no contacted customers");
    private static final String NOBODY_ORDERED = Tr.n("nobody has ordered yet in either group");
    private static final String TOO_FEW = Tr.n("too few to judge: the test needs at least %.0f expected buyers and non-buyers "
            + "in each group, the smaller group has %.1f");
    private static final NormalDistribution NORMAL = new NormalDistribution();

    private final double confidence;
    private final double z;

    public UpliftStatistics(double confidence) {
        if (!(confidence > 0.5 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be between 0.5 and 1, got " + confidence);
        }
        this.confidence = confidence;
        this.z = NORMAL.inverseCumulativeProbability(1 - (1 - confidence) / 2);
    }

    /** At 95% confidence (a 5% significance level). */
    public static UpliftStatistics standard() {
        return new UpliftStatistics(0.95);
    }

    public Uplift compare(GroupOutcome contacted, GroupOutcome holdout) {
        long n1 = contacted.customers();
        long n2 = holdout.customers();
        long x1 = contacted.buyers();
        long x2 = holdout.buyers();
        if (n1 == 0 || n2 == 0) {
            String reason = n2 == 0 ? NO_HOLDOUT : NO_CONTACTED;
            return new Uplift(contacted, holdout, confidence, Double.NaN, Interval.NONE, Double.NaN, Interval.NONE,
                    Double.NaN, Verdict.NOT_ENOUGH_DATA, reason, Double.NaN, Interval.NONE);
        }
        double p1 = contacted.rate();
        double p2 = holdout.rate();
        double absolute = p1 - p2;
        Interval absoluteInterval = ProportionIntervals.newcombeDifference(x1, n1, x2, n2, z);

        double relative = p2 == 0 ? Double.NaN : p1 / p2 - 1;
        Interval relativeInterval = Interval.NONE;
        if (x1 > 0 && x2 > 0) {
            double se = Math.sqrt(1.0 / x1 - 1.0 / n1 + 1.0 / x2 - 1.0 / n2);
            double log = Math.log(p1 / p2);
            relativeInterval = new Interval(Math.exp(log - z * se) - 1, Math.exp(log + z * se) - 1);
        }

        double pooled = (double) (x1 + x2) / (n1 + n2);
        double pValue = Double.NaN;
        if (pooled > 0 && pooled < 1) {
            double se0 = Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
            pValue = 2 * NORMAL.cumulativeProbability(-Math.abs(absolute / se0));
        }
        double expected = expected(contacted, holdout);
        Verdict verdict;
        String reason = null;
        if (Double.isNaN(pValue) || expected < MIN_EXPECTED) {
            verdict = Verdict.NOT_ENOUGH_DATA;
            reason = x1 + x2 == 0 ? NOBODY_ORDERED : String.format(TOO_FEW, MIN_EXPECTED, expected);
        } else if (pValue < 1 - confidence) {
            verdict = absolute > 0 ? Verdict.HIGHER : Verdict.LOWER;
        } else {
            verdict = Verdict.NO_CLEAR_DIFFERENCE;
        }

        double revenueDifference = contacted.revenuePerCustomer() - holdout.revenuePerCustomer();
        return new Uplift(contacted, holdout, confidence, absolute, absoluteInterval, relative, relativeInterval,
                pValue, verdict, reason, revenueDifference, welch(contacted, holdout, revenueDifference));
    }

    /** Expected buyers or non-buyers (whichever is fewer) in the smaller group, under the pooled rate. */
    private static double expected(GroupOutcome contacted, GroupOutcome holdout) {
        double pooled = (double) (contacted.buyers() + holdout.buyers()) / (contacted.customers() + holdout.customers());
        return Math.min(contacted.customers(), holdout.customers()) * Math.min(pooled, 1 - pooled);
    }

    /** The reason of an uplift in the interface language; null when there is none. */
    static String reasonText(Uplift u) {
        if (u.reason() == null) {
            return null;
        }
        if (u.reason().startsWith("too few to judge")) {
            return Tr.f(TOO_FEW, MIN_EXPECTED, expected(u.contacted(), u.holdout()));
        }
        return Tr.t(u.reason());
    }

    private Interval welch(GroupOutcome a, GroupOutcome b, double difference) {
        if (a.customers() < 2 || b.customers() < 2) {
            return Interval.NONE;
        }
        double va = a.revenueVariance() / a.customers();
        double vb = b.revenueVariance() / b.customers();
        double se = Math.sqrt(va + vb);
        if (se == 0) {
            return Interval.NONE;
        }
        double df = (va + vb) * (va + vb) / (va * va / (a.customers() - 1) + vb * vb / (b.customers() - 1));
        double t = new TDistribution(df).inverseCumulativeProbability(1 - (1 - confidence) / 2);
        return new Interval(difference - t * se, difference + t * se);
    }

    public double confidence() {
        return confidence;
    }
}
