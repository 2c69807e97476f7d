package dev.rekindle.report.uplift;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UpliftStatisticsTests {

    private static final double Z95 = 1.959963984540054;
    private final UpliftStatistics stats = UpliftStatistics.standard();

    /** Newcombe (1998), Statistics in Medicine 17:873-890, table II, method 10, all eight published examples. */
    @ParameterizedTest
    @CsvSource({
            "56, 70, 48, 80,  0.0524, 0.3339",
            " 9, 10,  3, 10,  0.1705, 0.8090",
            " 6,  7,  2,  7,  0.0582, 0.8062",
            " 5, 56,  0, 29, -0.0381, 0.1926",
            " 0, 10,  0, 20, -0.1611, 0.2775",
            " 0, 10,  0, 10, -0.2775, 0.2775",
            "10, 10,  0, 20,  0.6791, 1.0000",
            "10, 10,  0, 10,  0.6075, 1.0000"})
    void newcombeIntervalShouldMatchThePublishedExamples(long x1, long n1, long x2, long n2, double low, double high) {
        Interval i = ProportionIntervals.newcombeDifference(x1, n1, x2, n2, Z95);

        assertEquals(low, i.low(), 0.00005);
        assertEquals(high, i.high(), 0.00005);
    }

    @Test
    void wilsonIntervalShouldStayInsideZeroAndOneAndHaveWidthWithNoBuyer() {
        Interval none = ProportionIntervals.wilson(0, 20, Z95);
        Interval all = ProportionIntervals.wilson(20, 20, Z95);

        assertEquals(0, none.low(), 1e-12);
        assertEquals(0.1611, none.high(), 0.00005); // 1.96² / (20 + 1.96²)
        assertEquals(1, all.high(), 1e-12);
        assertEquals(0.8389, all.low(), 0.00005);
    }

    /**
     * Fisher's exact test, two-sided. Fisher's tea-tasting lady (Fisher 1935, The Design of Experiments, 3/1 against
     * 1/3): p = 0.4857 (R fisher.test, Agresti 2002 §3.5.1). The others: SciPy 1.17.1 scipy.stats.fisher_exact.
     */
    @ParameterizedTest
    @CsvSource({
            "  3,    4,  1,  4, 0.48571428571428565",
            " 42,  397,  0, 51, 0.008729372693292443",
            "100, 1000,  5,  5, 1.1415078489464663e-05",
            " 60, 1000,  1, 100, 0.03632978749571378",
            " 56,   70, 48, 80, 0.012521129749209154",
            "  5,   56,  0, 29, 0.1606214432094711",
            "1000, 1000, 100, 100, 1.0"})
    void fisherShouldMatchPublishedAndReferenceValues(long x1, long n1, long x2, long n2, double p) {
        assertEquals(p, FisherExact.twoSided(x1, n1, x2, n2), p * 1e-9);
    }

    /** Koopman (1984), Biometrics 40:513-517: 36/40 against 16/80, risk ratio 4.5 with score interval 2.94 … 7.15. */
    @Test
    void koopmanIntervalShouldMatchThePublishedExample() {
        Interval i = ProportionIntervals.koopmanRatio(36, 40, 16, 80, Z95);

        assertEquals(2.94, i.low(), 0.005);
        assertEquals(7.15, i.high(), 0.005);
        // at the bounds the score statistic is exactly the critical value (second computation, by its definition)
        assertEquals(Z95 * Z95, ProportionIntervals.koopmanSquare(36, 40, 16, 80, i.low()), 1e-6);
        assertEquals(Z95 * Z95, ProportionIntervals.koopmanSquare(36, 40, 16, 80, i.high()), 1e-6);
    }

    /** Holm (1979), step-down; R: p.adjust(c(0.01, 0.04, 0.03, 0.005), "holm") gives 0.03 0.06 0.06 0.02. */
    @Test
    void holmShouldAdjustLikeR() {
        double[] adjusted = Holm.adjust(new double[]{0.01, 0.04, Double.NaN, 0.03, 0.005});

        assertArrayEquals(new double[]{0.03, 0.06, Double.NaN, 0.06, 0.02}, adjusted, 1e-12);
    }

    /** The first example: a holdout of 51 with no buyer is evidence, not "not enough data". */
    @Test
    void aSmallHoldoutWithNoBuyerShouldBeJudgedByTheExactTest() {
        Uplift u = stats.compare(GroupOutcome.of(397, 42), GroupOutcome.of(51, 0));

        assertEquals(0.0087294, u.pValue(), 0.0000001);
        assertEquals(Verdict.HIGHER, u.verdict());
        assertTrue(u.absoluteInterval().low() > 0);
        assertFalse(u.relativeInterval().known(), "no ratio over a holdout rate of zero");
    }

    @Test
    void aHoldoutWhereEveryoneBoughtShouldGiveALowerVerdict() {
        Uplift u = stats.compare(GroupOutcome.of(1000, 100), GroupOutcome.of(5, 5));

        assertEquals(Verdict.LOWER, u.verdict());
        assertTrue(u.absoluteInterval().high() < 0);
        assertTrue(u.relativeInterval().high() < 0);
    }

    /** The third example: the verdict and both intervals must agree. */
    @Test
    void theVerdictShouldNeverContradictTheIntervalsShown() {
        Uplift u = stats.compare(GroupOutcome.of(1000, 60), GroupOutcome.of(100, 1));

        if (u.verdict() == Verdict.HIGHER) {
            assertTrue(u.absoluteInterval().low() > 0);
            assertTrue(u.relativeInterval().low() > 0, "relative low " + u.relativeInterval().low());
        } else {
            assertEquals(Verdict.NO_CLEAR_DIFFERENCE, u.verdict());
            assertEquals("borderline: the exact test and the intervals do not agree on a difference", u.reason());
        }
        // and over a grid of small tables: significant implies both intervals on the same side
        for (int n2 = 5; n2 <= 60; n2 += 11) {
            for (int x2 = 0; x2 <= n2; x2 += 3) {
                for (int x1 = 0; x1 <= 200; x1 += 13) {
                    Uplift v = stats.compare(GroupOutcome.of(200, x1), GroupOutcome.of(n2, x2));
                    if (v.verdict() == Verdict.HIGHER) {
                        assertTrue(v.absoluteInterval().low() > 0 && (!v.relativeInterval().known() || v.relativeInterval().low() > 0));
                        assertTrue(v.pValue() < 0.05);
                    }
                    if (v.verdict() == Verdict.LOWER) {
                        assertTrue(v.absoluteInterval().high() < 0 && (!v.relativeInterval().known() || v.relativeInterval().high() < 0));
                        assertTrue(v.pValue() < 0.05);
                    }
                }
            }
        }
    }

    @Test
    void twoGroupsAtOneHundredPercentShouldNotGetAPointRelativeInterval() {
        Uplift u = stats.compare(GroupOutcome.of(40, 40), GroupOutcome.of(10, 10));

        assertEquals(0, u.relative(), 1e-12);
        assertTrue(u.relativeInterval().low() < -0.05, "low " + u.relativeInterval().low());
        assertTrue(u.relativeInterval().high() > 0, "high " + u.relativeInterval().high());
        assertEquals(Verdict.NO_CLEAR_DIFFERENCE, u.verdict());
    }

    @Test
    void aCampaignSizedDifferenceShouldBeReportedAsNotShownWhenTheIntervalCrossesZero() {
        Uplift u = stats.compare(GroupOutcome.of(2400, 250), GroupOutcome.of(600, 48));

        assertEquals(-0.0029159, u.absoluteInterval().low(), 0.0000005);
        assertEquals(0.0472184, u.absoluteInterval().high(), 0.0000005);
        assertTrue(u.pValue() > 0.05);
        assertEquals(Verdict.NO_CLEAR_DIFFERENCE, u.verdict());
    }

    @Test
    void aHolmAdjustedRowShouldSayWhyItIsNoLongerSignificant() {
        Uplift u = stats.compare(GroupOutcome.of(70, 56), GroupOutcome.of(80, 48));
        assertEquals(Verdict.HIGHER, u.verdict());

        Uplift adjusted = u.withAdjustedPValue(0.0625);

        assertEquals(Verdict.NO_CLEAR_DIFFERENCE, adjusted.verdict());
        assertEquals(0.0625, adjusted.decidingPValue(), 1e-12);
        assertTrue(adjusted.reason().contains("Holm"));
    }

    /**
     * Reference: SciPy 1.17.1 scipy.stats.permutation_test((a - d, b), |Welch t|, permutation_type='independent',
     * n_resamples=inf, alternative='greater'), the exact p over all 6,435 re-splits: d = 0 gives 0.355711,
     * d = -20 gives 0.000932, d = 30 gives 0.465734, d = 60 gives 0.014608. 1,999 random re-splits must land
     * within four of their standard errors.
     */
    @ParameterizedTest
    @CsvSource({"0, 0.35571095571095573", "-20, 0.0009324009324009324", "30, 0.46573426573426574", "60, 0.014607614607614608"})
    void permutationPValueShouldMatchTheExactOneOfScipy(double shift, double exact) {
        RevenuePermutation test = new RevenuePermutation(8, new double[]{35.5, 120, 12}, 7, new double[]{8, 22}, 17);

        double se = Math.sqrt(exact * (1 - exact) / test.permutations()) + 1.0 / test.permutations();
        assertEquals(exact, test.pValue(shift), 4 * se);
    }

    @Test
    void permutationIntervalShouldEndWhereTheTestStartsToReject() {
        double[] a = lognormalBuyers(30, 1.0, new SplittableRandom(5));
        double[] b = lognormalBuyers(12, 1.0, new SplittableRandom(6));
        RevenuePermutation test = new RevenuePermutation(400, a, 150, b, 99);

        Interval i = test.interval(0.05);
        double step = test.standardError() * 0.01;

        assertTrue(i.low() < test.difference() && test.difference() < i.high());
        assertTrue(test.pValue(i.low() + step) > 0.05);
        assertTrue(test.pValue(i.low() - step) <= 0.05);
        assertTrue(test.pValue(i.high() - step) > 0.05);
        assertTrue(test.pValue(i.high() + step) <= 0.05);
    }

    @Test
    void theSameCampaignAndRowShouldAlwaysGiveTheSameRevenueInterval() {
        double[] a = lognormalBuyers(30, 1.5, new SplittableRandom(1));
        double[] b = lognormalBuyers(12, 1.5, new SplittableRandom(2));
        Uplift one = stats.compare(outcome(400, a), a, outcome(150, b), b, 42);
        Uplift two = stats.compare(outcome(400, a), a, outcome(150, b), b, 42);
        Uplift other = stats.compare(outcome(400, a), a, outcome(150, b), b, 43);

        assertEquals(one.revenueInterval(), two.revenueInterval());
        assertNotEquals(one.revenueInterval(), other.revenueInterval());
        assertNull(one.revenueReason());
        assertEquals(RevenuePermutation.PERMUTATIONS, new RevenuePermutation(400, a, 150, b, 1).permutations());
    }

    @Test
    void revenueShouldSayTooFewBuyersBelowTenExpectedInEachGroup() {
        // 40 buyers of 500 overall (8 %): the holdout of 100 expects 8 of them
        double[] a = lognormalBuyers(34, 1, new SplittableRandom(3));
        double[] b = lognormalBuyers(6, 1, new SplittableRandom(4));

        Uplift u = stats.compare(outcome(400, a), a, outcome(100, b), b, 1);

        assertFalse(u.revenueKnown());
        assertFalse(u.revenueInterval().known());
        assertEquals("too few buyers to say: revenue needs at least 10 buyers expected in each group (here 8.0)",
                UpliftStatistics.reasonInEnglish(u, u.revenueReason()));
        assertEquals(u.contacted().revenuePerCustomer() - u.holdout().revenuePerCustomer(), u.revenueDifference(), 1e-9);
    }

    @Test
    void noBuyersAtAllShouldSayNobodyOrderedYet() {
        Uplift u = stats.compare(GroupOutcome.of(500, 0), GroupOutcome.of(100, 0));

        assertEquals(Verdict.NOT_ENOUGH_DATA, u.verdict());
        assertEquals("nobody has ordered yet in either group", u.reason());
        assertFalse(u.revenueInterval().known());
    }

    @Test
    void anEmptyHoldoutShouldExplainThatThereIsNothingToCompareWith() {
        Uplift u = stats.compare(GroupOutcome.of(500, 40), GroupOutcome.EMPTY);

        assertEquals(Verdict.NOT_ENOUGH_DATA, u.verdict());
        assertNotNull(u.reason());
        assertTrue(u.reason().startsWith("no holdout group"), u.reason());
        assertFalse(u.absoluteInterval().known());
    }

    /** A draw from the hypergeometric law must have its mean and variance (checked on 20,000 draws). */
    @Test
    void hypergeometricDrawsShouldHaveTheLawsMeanAndVariance() {
        SplittableRandom random = new SplittableRandom(7);
        long population = 1_000_000;
        long marked = 800_000;
        long draws = 200_000;
        double sum = 0;
        double squares = 0;
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            long k = Hypergeometric.sample(population, marked, draws, random);
            sum += k;
            squares += (double) k * k;
        }
        double mean = sum / n;
        double variance = squares / n - mean * mean;
        double expectedMean = (double) draws * marked / population; // 160,000
        double expectedVariance = draws * ((double) marked / population) * (1 - (double) marked / population)
                * (population - draws) / (population - 1.0); // 25,600.03
        assertEquals(expectedMean, mean, 4 * Math.sqrt(expectedVariance / n));
        assertEquals(expectedVariance, variance, expectedVariance * 0.05);
    }

    @Test
    void groupOutcomeShouldAccumulateCustomersBuyersAndVariance() {
        GroupOutcome g = GroupOutcome.EMPTY.plus(0, false).plus(10, true).plus(20, true);

        assertEquals(3, g.customers());
        assertEquals(2, g.buyers());
        assertEquals(10, g.revenuePerCustomer(), 1e-12);
        assertEquals(100, g.revenueVariance(), 1e-9);
    }

    static double[] lognormalBuyers(int buyers, double sigma, SplittableRandom random) {
        double[] v = new double[buyers];
        for (int i = 0; i < buyers; i++) {
            v[i] = Math.exp(5 + sigma * gaussian(random));
        }
        return v;
    }

    static double gaussian(SplittableRandom random) {
        // Box-Muller: SplittableRandom has no nextGaussian in Java 17
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    static GroupOutcome outcome(long customers, double[] spend) {
        double s = 0;
        double q = 0;
        for (double v : spend) {
            s += v;
            q += v * v;
        }
        return new GroupOutcome(customers, spend.length, s, q);
    }
}
