package dev.rekindle.report.uplift;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.SplittableRandom;
import org.hipparchus.distribution.continuous.TDistribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Simulated campaigns that did nothing (contacted and holdout drawn from one law), with fixed seeds so every run
 * gives the same figures. Contacted groups are four times the holdout (a 20 % holdout); spend per buyer is
 * lognormal. The figures each case prints are the ones quoted in docs/operator/proof.md.
 */
class UpliftMonteCarloTests {

    /**
     * The revenue interval must cover the true difference (zero) at least 93 % of the time. Checked twice: for the
     * method alone, with no minimum (at a holdout of 50 it is almost never shown, so that is where its quality
     * shows), and as the report uses it, where it must also never claim a difference more than 5 % of the time.
     */
    @ParameterizedTest(name = "holdout {0}, sigma {1}, conversion {2}")
    @CsvSource({
            "50,   1.0, 0.05, 1000", "50,   1.5, 0.05, 1000", "50,   1.0, 0.10, 1000", "50,   1.5, 0.10, 1000",
            "200,  1.0, 0.05, 1000", "200,  1.5, 0.05, 1000", "200,  1.0, 0.10, 1000", "200,  1.5, 0.10, 1000",
            "2000, 1.0, 0.05, 500", "2000, 1.5, 0.05, 500", "2000, 1.0, 0.10, 500", "2000, 1.5, 0.10, 500"})
    void revenueIntervalShouldCoverZeroWhenTheCampaignDidNothing(int holdout, double sigma, double conversion, int runs) {
        SplittableRandom random = new SplittableRandom(holdout * 1000L + Math.round(sigma * 10) * 7 + Math.round(conversion * 100));
        int contacted = 4 * holdout;
        int methodRuns = 0;
        int methodCovered = 0;
        int welchCovered = 0;
        int shown = 0;
        int shownCovered = 0;
        for (int run = 0; run < runs; run++) {
            double[] a = buyers(contacted, conversion, sigma, random);
            double[] b = buyers(holdout, conversion, sigma, random);
            if (a.length + b.length == 0) {
                continue;
            }
            methodRuns++;
            // 199 re-splits instead of the report's 1,999 keep the test fast: a permutation p-value is exact for
            // any number of re-splits, so coverage does not depend on it (only the bounds' fineness does)
            RevenuePermutation test = new RevenuePermutation(contacted, a, holdout, b, random.nextLong(), 199);
            boolean covered = covers(test.interval(0.05));
            if (covered) {
                methodCovered++;
            }
            if (covers(welch(contacted, a, holdout, b))) {
                welchCovered++;
            }
            // the report's rule, on the pooled buyers only
            if (UpliftStatistics.expectedBuyers(UpliftStatisticsTests.outcome(contacted, a),
                    UpliftStatisticsTests.outcome(holdout, b)) >= UpliftStatistics.MIN_BUYERS) {
                shown++;
                if (covered) {
                    shownCovered++;
                }
            }
        }
        double method = (double) methodCovered / methodRuns;
        double whenShown = shown == 0 ? Double.NaN : (double) shownCovered / shown;
        double claims = (double) (shown - shownCovered) / runs;
        System.out.printf(Locale.ROOT, "revenue coverage holdout %d sigma %.1f conversion %.2f: permutation %.1f %% of %d,"
                        + " Welch %.1f %%; report shows %d of %d runs, covering %.1f %%, false claims %.1f %%%n",
                holdout, sigma, conversion, 100 * method, methodRuns, 100.0 * welchCovered / methodRuns, shown, runs,
                100 * whenShown, 100 * claims);
        assertTrue(method >= 0.93, "method coverage " + method);
        if (shown >= 50) {
            assertTrue(whenShown >= 0.93, "coverage when shown " + whenShown);
        }
    }

    /** Fisher's exact test with the agreeing intervals must call a difference no more than 5.5 % of the time. */
    @ParameterizedTest(name = "holdout {0}, conversion {1}")
    @CsvSource({"20, 0.05", "20, 0.30", "50, 0.02", "50, 0.10", "200, 0.05", "200, 0.30", "2000, 0.02", "2000, 0.10"})
    void conversionTestShouldRarelyCallADifferenceWhenThereIsNone(int holdout, double conversion) {
        SplittableRandom random = new SplittableRandom(holdout * 31L + Math.round(conversion * 1000));
        UpliftStatistics stats = UpliftStatistics.standard();
        int contacted = 4 * holdout;
        int runs = holdout >= 2000 ? 1000 : 4000;
        int significant = 0;
        for (int run = 0; run < runs; run++) {
            Uplift u = stats.compare(GroupOutcome.of(contacted, binomial(contacted, conversion, random)),
                    GroupOutcome.of(holdout, binomial(holdout, conversion, random)));
            if (u.verdict() == Verdict.HIGHER || u.verdict() == Verdict.LOWER) {
                significant++;
            }
        }
        double rate = (double) significant / runs;
        System.out.printf(Locale.ROOT, "conversion false positives holdout %d conversion %.2f: %.2f %% of %d%n",
                holdout, conversion, 100 * rate, runs);
        assertTrue(rate <= 0.055, "false-positive rate " + rate);
    }

    private static boolean covers(Interval i) {
        return i.known() && i.low() <= 0 && 0 <= i.high();
    }

    private static double[] buyers(int customers, double conversion, double sigma, SplittableRandom random) {
        int k = binomial(customers, conversion, random);
        return UpliftStatisticsTests.lognormalBuyers(k, sigma, random);
    }

    private static int binomial(int n, double p, SplittableRandom random) {
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (random.nextDouble() < p) {
                k++;
            }
        }
        return k;
    }

    /** The interval the report used before (Welch's t), for the comparison printed beside the figures. */
    private static Interval welch(long n1, double[] a, long n2, double[] b) {
        GroupOutcome x = UpliftStatisticsTests.outcome(n1, a);
        GroupOutcome y = UpliftStatisticsTests.outcome(n2, b);
        double va = x.revenueVariance() / n1;
        double vb = y.revenueVariance() / n2;
        double se = Math.sqrt(va + vb);
        if (!(se > 0)) {
            return Interval.NONE;
        }
        double df = (va + vb) * (va + vb) / (va * va / (n1 - 1) + vb * vb / (n2 - 1));
        double t = new TDistribution(df).inverseCumulativeProbability(0.975);
        double d = x.revenuePerCustomer() - y.revenuePerCustomer();
        return new Interval(d - t * se, d + t * se);
    }
}
