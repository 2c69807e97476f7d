package dev.rekindle.report.uplift;

import dev.rekindle.i18n.Tr;
import java.util.List;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;

/**
 * A strategy's campaigns read together, each campaign a stratum: daily campaigns of a few customers can never show
 * an effect alone, but forty of them can. Pooling across campaigns without strata would mix campaigns of different
 * holdout shares and seasons (Simpson's paradox); these methods compare contacted with holdout only within each
 * campaign and then add up.
 * <ul>
 * <li>Conversion: the Cochran-Mantel-Haenszel test with continuity correction (as R's {@code mantelhaen.test}),
 *     and the Mantel-Haenszel risk difference (weights n1 n2 / n per campaign) as the pooled uplift.</li>
 * <li>Revenue per customer: the same weights on each campaign's difference, tested by re-splitting contacted and
 *     holdout within each campaign (a stratified permutation test, studentised), interval by inversion; shown with
 *     at least {@value UpliftStatistics#MIN_BUYERS} buyers expected in the smaller groups over all campaigns.</li>
 * </ul>
 */
public final class PooledStatistics {

    private static final String TOO_FEW_BUYERS = Tr.n("too few buyers to say: revenue needs at least %d buyers expected in each group (here %.1f)");

    /** One campaign: its two groups and what each buyer spent. */
    public record Stratum(GroupOutcome contacted, double[] contactedSpend, GroupOutcome holdout, double[] holdoutSpend, long seed) {
    }

    /** The pooled result; NaN where the data cannot give a figure. */
    public record Pooled(int campaigns, double riskDifference, double cmhStatistic, double pValue, Verdict verdict,
            double revenueDifference, Interval revenueInterval, double revenuePValue, double expectedBuyers) {

        public boolean revenueKnown() {
            return revenueInterval.known();
        }

        /** Why revenue has no interval, in the interface language; null when it has one. */
        public String revenueReasonText() {
            return revenueKnown() ? null : Tr.f(TOO_FEW_BUYERS, UpliftStatistics.MIN_BUYERS, expectedBuyers);
        }
    }

    private PooledStatistics() {
    }

    public static Pooled pool(List<Stratum> strata, double confidence) {
        return pool(strata, confidence, true);
    }

    /**
     * @param revenueTest false to skip the revenue permutation test (its cost grows with the campaigns), as for the
     *                    running totals after each campaign; the revenue estimate is still given
     */
    public static Pooled pool(List<Stratum> strata, double confidence, boolean revenueTest) {
        double alpha = 1 - confidence;
        double sumA = 0;
        double sumE = 0;
        double sumV = 0;
        double rdNumerator = 0;
        double weights = 0;
        double expected = 0;
        double revenueNumerator = 0;
        int used = 0;
        for (Stratum s : strata) {
            double n1 = s.contacted().customers();
            double n2 = s.holdout().customers();
            double n = n1 + n2;
            if (n1 == 0 || n2 == 0) {
                continue; // a campaign without a holdout compares nothing
            }
            used++;
            double a = s.contacted().buyers();
            double c = s.holdout().buyers();
            double m1 = a + c;
            sumA += a;
            sumE += n1 * m1 / n;
            if (n > 1) {
                sumV += n1 * n2 * m1 * (n - m1) / (n * n * (n - 1));
            }
            rdNumerator += (a * n2 - c * n1) / n;
            weights += n1 * n2 / n;
            revenueNumerator += n1 * n2 / n * (s.contacted().revenuePerCustomer() - s.holdout().revenuePerCustomer());
            expected += UpliftStatistics.expectedBuyers(s.contacted(), s.holdout());
        }
        double rd = weights == 0 ? Double.NaN : rdNumerator / weights;
        double statistic = Double.NaN;
        double p = Double.NaN;
        Verdict verdict = Verdict.NOT_ENOUGH_DATA;
        if (sumV > 0) {
            double deviation = Math.max(0, Math.abs(sumA - sumE) - 0.5);
            statistic = deviation * deviation / sumV;
            p = 1 - new ChiSquaredDistribution(1).cumulativeProbability(statistic);
            verdict = p < alpha ? (rd > 0 ? Verdict.HIGHER : Verdict.LOWER) : Verdict.NO_CLEAR_DIFFERENCE;
        }

        double revenue = weights == 0 ? Double.NaN : revenueNumerator / weights;
        Interval interval = Interval.NONE;
        double revenueP = Double.NaN;
        if (revenueTest && used > 0 && expected >= UpliftStatistics.MIN_BUYERS) {
            StratifiedRevenue test = new StratifiedRevenue(strata);
            revenueP = test.pValue(0);
            interval = test.interval(alpha);
        }
        return new Pooled(used, rd, statistic, p, verdict, revenue, interval, revenueP, expected);
    }
}
