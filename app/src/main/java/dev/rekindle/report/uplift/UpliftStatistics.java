package dev.rekindle.report.uplift;

import dev.rekindle.i18n.Tr;
import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * Compares the contacted group with the holdout group. Each figure names its method (see {@link Methods}):
 * <ul>
 * <li>Conversion is decided by Fisher's exact test, two-sided ({@link FisherExact}): exact at any count, so
 *     small holdouts are judged instead of refused.</li>
 * <li>Absolute uplift p1 - p2 with Newcombe's hybrid score interval; relative uplift p1 / p2 - 1 with Koopman's
 *     score interval for the risk ratio ({@link ProportionIntervals}).</li>
 * <li>The verdict says "significant" only when the exact test and every interval shown agree: p below the
 *     level and both intervals on the same side of no difference. An interval and a verdict on the same screen
 *     then never contradict each other; at the boundary (they can disagree by a hair) the verdict is the
 *     cautious "no difference shown", with the reason.</li>
 * <li>Revenue per customer (zeros included) by a studentised permutation test with its interval by inversion
 *     ({@link RevenuePermutation}), shown only when at least {@value #MIN_BUYERS} buyers are expected in each
 *     group from all the buyers (the smaller group's size x the overall conversion); below, "too few buyers
 *     to say". The rule looks only at the pooled buyers, which do not depend on who was in which group: a rule
 *     on each group's own count would show an interval exactly when chance put many buyers in the holdout.</li>
 * </ul>
 */
public final class UpliftStatistics {

    /** Buyers expected in each group (from the pooled conversion) before revenue is judged. */
    public static final int MIN_BUYERS = 10;

    // why there is no verdict: English in JSON and CSV, translated on screen (see reasonText)
    private static final String NO_HOLDOUT = Tr.n("no holdout group: without customers left uncontacted there is nothing to compare with");
    private static final String NO_CONTACTED = Tr.n("no contacted customers");
    private static final String NOBODY_ORDERED = Tr.n("nobody has ordered yet in either group");
    static final String BORDERLINE = Tr.n("borderline: the exact test and the intervals do not agree on a difference");
    static final String NOT_AFTER_ADJUSTMENT = Tr.n("not significant once adjusted for the other rows of this breakdown (Holm)");
    private static final String TOO_FEW_BUYERS = Tr.n("too few buyers to say: revenue needs at least %d buyers expected in each group (here %.1f)");
    private static final String NO_SPEND = Tr.n("no spend per buyer given");
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

    /** Conversion only: revenue is left unknown. */
    public Uplift compare(GroupOutcome contacted, GroupOutcome holdout) {
        return compare(contacted, null, holdout, null, 0);
    }

    /**
     * Conversion and revenue.
     *
     * @param contactedSpend what each contacted buyer spent in the window ({@code contacted.buyers()} values)
     * @param holdoutSpend   the same for the holdout
     * @param seed           for the permutations; the same seed gives the same interval
     */
    public Uplift compare(GroupOutcome contacted, double[] contactedSpend, GroupOutcome holdout, double[] holdoutSpend, long seed) {
        long n1 = contacted.customers();
        long n2 = holdout.customers();
        long x1 = contacted.buyers();
        long x2 = holdout.buyers();
        double revenueDifference = contacted.revenuePerCustomer() - holdout.revenuePerCustomer();
        if (n1 == 0 || n2 == 0) {
            String reason = n2 == 0 ? NO_HOLDOUT : NO_CONTACTED;
            return new Uplift(contacted, holdout, confidence, Double.NaN, Interval.NONE, Double.NaN, Interval.NONE,
                    Double.NaN, Double.NaN, Verdict.NOT_ENOUGH_DATA, reason, revenueDifference, Interval.NONE, Double.NaN, reason);
        }
        double p1 = contacted.rate();
        double p2 = holdout.rate();
        double absolute = p1 - p2;
        Interval absoluteInterval = ProportionIntervals.newcombeDifference(x1, n1, x2, n2, z);
        double relative = p2 == 0 ? Double.NaN : p1 / p2 - 1;
        // over a holdout with no buyer the ratio is unbounded: no relative figure is shown at all
        Interval relativeInterval = x2 == 0 ? Interval.NONE : shift(ProportionIntervals.koopmanRatio(x1, n1, x2, n2, z));
        double pValue = FisherExact.twoSided(x1, n1, x2, n2);

        Verdict verdict;
        String reason = null;
        if (x1 + x2 == 0) {
            verdict = Verdict.NOT_ENOUGH_DATA;
            reason = NOBODY_ORDERED;
        } else {
            verdict = verdict(null, pValue, 1 - confidence, absolute, absoluteInterval, relativeInterval);
            if (verdict == Verdict.NO_CLEAR_DIFFERENCE && pValue < 1 - confidence) {
                reason = BORDERLINE;
            }
        }

        Interval revenueInterval = Interval.NONE;
        double revenuePValue = Double.NaN;
        String revenueReason = null;
        if (contactedSpend == null || holdoutSpend == null) {
            revenueReason = NO_SPEND;
        } else if (expectedBuyers(contacted, holdout) < MIN_BUYERS) {
            revenueReason = TOO_FEW_BUYERS;
        } else {
            RevenuePermutation test = new RevenuePermutation(n1, contactedSpend, n2, holdoutSpend, seed);
            revenuePValue = test.pValue(0);
            revenueInterval = test.interval(1 - confidence);
        }
        return new Uplift(contacted, holdout, confidence, absolute, absoluteInterval, relative, relativeInterval,
                pValue, Double.NaN, verdict, reason, revenueDifference, revenueInterval, revenuePValue, revenueReason);
    }

    /**
     * HIGHER or LOWER only when p is below alpha and the difference interval, and the relative one when known,
     * lie wholly on that side of no difference; else no difference shown. {@code current} NOT_ENOUGH_DATA stays.
     */
    static Verdict verdict(Verdict current, double p, double alpha, double absolute, Interval difference, Interval relative) {
        if (current == Verdict.NOT_ENOUGH_DATA) {
            return current;
        }
        if (!(p < alpha) || !difference.known()) {
            return Verdict.NO_CLEAR_DIFFERENCE;
        }
        boolean up = absolute > 0 && difference.low() > 0 && (!relative.known() || relative.low() > 0);
        boolean down = absolute < 0 && difference.high() < 0 && (!relative.known() || relative.high() < 0);
        return up ? Verdict.HIGHER : down ? Verdict.LOWER : Verdict.NO_CLEAR_DIFFERENCE;
    }

    /** Buyers expected in the smaller group at the pooled conversion: what the revenue minimum is checked on. */
    public static double expectedBuyers(GroupOutcome contacted, GroupOutcome holdout) {
        long n = contacted.customers() + holdout.customers();
        if (n == 0) {
            return 0;
        }
        double pooled = (double) (contacted.buyers() + holdout.buyers()) / n;
        return Math.min(contacted.customers(), holdout.customers()) * pooled;
    }

    /** A reason of an uplift in the interface language; null when there is none. */
    static String reasonText(Uplift u, String reason) {
        if (reason == null) {
            return null;
        }
        if (reason.equals(TOO_FEW_BUYERS)) {
            return Tr.f(TOO_FEW_BUYERS, MIN_BUYERS, expectedBuyers(u.contacted(), u.holdout()));
        }
        return Tr.t(reason);
    }

    /** The reason in English with its numbers filled in, as JSON and CSV carry it. */
    public static String reasonInEnglish(Uplift u, String reason) {
        if (reason == null) {
            return null;
        }
        return reason.equals(TOO_FEW_BUYERS)
                ? String.format(java.util.Locale.ROOT, TOO_FEW_BUYERS, MIN_BUYERS, expectedBuyers(u.contacted(), u.holdout()))
                : reason;
    }

    private static Interval shift(Interval ratio) {
        return ratio.known() ? new Interval(ratio.low() - 1, ratio.high() - 1) : Interval.NONE;
    }

    public double confidence() {
        return confidence;
    }
}
