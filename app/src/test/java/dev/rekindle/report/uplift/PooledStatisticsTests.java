package dev.rekindle.report.uplift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PooledStatisticsTests {

    /**
     * R's mantelhaen.test example "Rabbits" (penicillin and delayed treatment; Mantel 1963, also in Agresti 2002):
     * Mantel-Haenszel X-squared = 3.9286, df = 1, p-value = 0.04747 (with continuity correction, R's default).
     */
    @Test
    void cmhShouldMatchRsRabbitsExample() {
        List<PooledStatistics.Stratum> strata = List.of(
                stratum(0, 6, 0, 5), stratum(3, 6, 0, 6), stratum(6, 6, 2, 6), stratum(5, 6, 6, 6), stratum(2, 2, 5, 5));

        PooledStatistics.Pooled p = PooledStatistics.pool(strata, 0.95);

        assertEquals(3.928571, p.cmhStatistic(), 1e-6);
        assertEquals(0.04747, p.pValue(), 0.000005);
        assertEquals(Verdict.HIGHER, p.verdict());
        // Mantel-Haenszel risk difference sum((a n2 - c n1) / n) / sum(n1 n2 / n), computed independently: 0.228036
        assertEquals(0.228036, p.riskDifference(), 1e-6);
        assertFalse(p.revenueKnown(), "no spend given, and far too few buyers");
    }

    /** Forty daily campaigns of 10 + 3 customers each, where contacting lifts conversion from 10 % to 25 %. */
    @Test
    void manySmallCampaignsShouldShowAnEffectNoneShowsAlone() {
        SplittableRandom random = new SplittableRandom(11);
        UpliftStatistics stats = UpliftStatistics.standard();
        List<PooledStatistics.Stratum> strata = new ArrayList<>();
        int significantAlone = 0;
        for (int day = 0; day < 40; day++) {
            double[] a = spend(10, 0.25, random);
            double[] b = spend(3, 0.10, random);
            GroupOutcome c = UpliftStatisticsTests.outcome(10, a);
            GroupOutcome h = UpliftStatisticsTests.outcome(3, b);
            Uplift u = stats.compare(c, a, h, b, day);
            if (u.verdict() == Verdict.HIGHER) {
                significantAlone++;
            }
            strata.add(new PooledStatistics.Stratum(c, a, h, b, day));
        }

        PooledStatistics.Pooled p = PooledStatistics.pool(strata, 0.95);

        assertEquals(0, significantAlone);
        assertEquals(Verdict.HIGHER, p.verdict(), String.format(Locale.ROOT, "p = %.4f", p.pValue()));
        assertTrue(p.revenueKnown(), "enough buyers over forty campaigns: " + p.expectedBuyers());
        assertTrue(p.revenueInterval().low() < p.revenueDifference() && p.revenueDifference() < p.revenueInterval().high());
    }

    /** With one campaign, the stratified permutation test is the campaign's own test (same seed, same re-splits). */
    @Test
    void oneStratumShouldGiveTheSingleCampaignsRevenueTest() {
        double[] a = UpliftStatisticsTests.lognormalBuyers(30, 1, new SplittableRandom(1));
        double[] b = UpliftStatisticsTests.lognormalBuyers(12, 1, new SplittableRandom(2));
        GroupOutcome c = UpliftStatisticsTests.outcome(400, a);
        GroupOutcome h = UpliftStatisticsTests.outcome(150, b);

        PooledStatistics.Pooled p = PooledStatistics.pool(List.of(new PooledStatistics.Stratum(c, a, h, b, 9)), 0.95);
        RevenuePermutation single = new RevenuePermutation(400, a, 150, b, 9);

        assertEquals(single.pValue(0), p.revenuePValue(), 1e-12);
        assertEquals(single.interval(0.05).low(), p.revenueInterval().low(), Math.abs(single.standardError()) * 2e-3);
        assertEquals(single.difference(), p.revenueDifference(), 1e-9);
    }

    private static PooledStatistics.Stratum stratum(long a, long n1, long c, long n2) {
        return new PooledStatistics.Stratum(GroupOutcome.of(n1, a), new double[0], GroupOutcome.of(n2, c), new double[0], 1);
    }

    private static double[] spend(int customers, double conversion, SplittableRandom random) {
        List<Double> v = new ArrayList<>();
        for (int i = 0; i < customers; i++) {
            if (random.nextDouble() < conversion) {
                v.add(Math.exp(5 + UpliftStatisticsTests.gaussian(random)));
            }
        }
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
