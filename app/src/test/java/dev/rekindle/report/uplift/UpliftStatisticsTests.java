package dev.rekindle.report.uplift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /** Same figures as R: prop.test(c(56, 48), c(70, 80), correct = FALSE) gives p-value = 0.008045. */
    @Test
    void zTestShouldGiveTheChiSquarePValueAndASignificantVerdict() {
        Uplift u = stats.compare(GroupOutcome.of(70, 56), GroupOutcome.of(80, 48));

        assertEquals(0.2, u.absolute(), 1e-12);
        assertEquals(0.0080451, u.pValue(), 0.0000005);
        assertEquals(Verdict.HIGHER, u.verdict());
        assertEquals(0.0524, u.absoluteInterval().low(), 0.00005);
    }

    /** Katz: exp(log(0.8 / 0.6) ± 1.96 · sqrt(1/56 - 1/70 + 1/48 - 1/80)) - 1, computed independently. */
    @Test
    void relativeUpliftShouldUseTheLogRiskRatioInterval() {
        Uplift u = stats.compare(GroupOutcome.of(70, 56), GroupOutcome.of(80, 48));

        assertEquals(1.0 / 3, u.relative(), 1e-12);
        assertEquals(0.076626, u.relativeInterval().low(), 0.000001);
        assertEquals(0.651249, u.relativeInterval().high(), 0.000001);
    }

    @Test
    void aCampaignSizedDifferenceShouldBeReportedAsNotShownWhenTheIntervalCrossesZero() {
        Uplift u = stats.compare(GroupOutcome.of(2400, 250), GroupOutcome.of(600, 48));

        assertEquals(0.0767037, u.pValue(), 0.0000005);
        assertEquals(-0.0029159, u.absoluteInterval().low(), 0.0000005);
        assertEquals(0.0472184, u.absoluteInterval().high(), 0.0000005);
        assertEquals(-0.031162, u.relativeInterval().low(), 0.000001);
        assertEquals(Verdict.NO_CLEAR_DIFFERENCE, u.verdict());
    }

    @Test
    void aSignificantDropShouldBeCalledLower() {
        Uplift u = stats.compare(GroupOutcome.of(80, 48), GroupOutcome.of(70, 56));

        assertEquals(Verdict.LOWER, u.verdict());
        assertTrue(u.absoluteInterval().high() < 0);
    }

    /** R: t.test(extra ~ group, data = sleep) gives the 95% interval -3.3654832 … 0.2054832 (Welch, df 17.776). */
    @Test
    void revenueDifferenceShouldUseWelchsInterval() {
        double[] one = {0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0};
        double[] two = {1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4};

        Uplift u = stats.compare(group(one), group(two));

        assertEquals(-1.58, u.revenueDifference(), 1e-9);
        assertEquals(-3.3654832, u.revenueInterval().low(), 1e-6);
        assertEquals(0.2054832, u.revenueInterval().high(), 1e-6);
    }

    @Test
    void smallCountsShouldSayNotEnoughDataButStillGiveTheScoreInterval() {
        Uplift u = stats.compare(GroupOutcome.of(56, 5), GroupOutcome.of(29, 0));

        assertEquals(Verdict.NOT_ENOUGH_DATA, u.verdict());
        assertTrue(u.reason().startsWith("too few to judge"), u.reason());
        assertEquals(-0.0381, u.absoluteInterval().low(), 0.00005);
        assertTrue(Double.isNaN(u.relative()), "no relative uplift over a holdout rate of zero");
        assertFalse(u.relativeInterval().known());
    }

    @Test
    void noBuyersAtAllShouldSayNobodyOrderedYet() {
        Uplift u = stats.compare(GroupOutcome.of(500, 0), GroupOutcome.of(100, 0));

        assertEquals(Verdict.NOT_ENOUGH_DATA, u.verdict());
        assertEquals("nobody has ordered yet in either group", u.reason());
        assertTrue(Double.isNaN(u.pValue()));
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

    @Test
    void groupOutcomeShouldAccumulateCustomersBuyersAndVariance() {
        GroupOutcome g = GroupOutcome.EMPTY.plus(0, false).plus(10, true).plus(20, true);

        assertEquals(3, g.customers());
        assertEquals(2, g.buyers());
        assertEquals(10, g.revenuePerCustomer(), 1e-12);
        assertEquals(100, g.revenueVariance(), 1e-9);
    }

    private static GroupOutcome group(double[] values) {
        GroupOutcome g = GroupOutcome.EMPTY;
        for (double v : values) {
            g = g.plus(v, v > 0);
        }
        return g;
    }
}
