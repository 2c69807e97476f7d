package dev.rekindle.report.uplift;

/**
 * Contacted against holdout: conversion uplift in percentage points (absolute) and as a share of the holdout
 * rate (relative), Fisher's exact p-value and the verdict, and the difference in revenue per customer with its
 * permutation interval. NaN marks a figure the data cannot give (an interval of {@link Interval#NONE});
 * {@code reason} and {@code revenueReason} then say why.
 *
 * @param adjustedPValue Holm-adjusted p-value within a breakdown (segments, stages or channels); NaN for the
 *                       whole campaign, which is one test. The verdict of a breakdown row follows it.
 */
public record Uplift(GroupOutcome contacted, GroupOutcome holdout, double confidence,
        double absolute, Interval absoluteInterval,
        double relative, Interval relativeInterval,
        double pValue, double adjustedPValue, Verdict verdict, String reason,
        double revenueDifference, Interval revenueInterval, double revenuePValue, String revenueReason) {

    /** {@link #reason()} (English, as JSON and CSV carry it) in the interface language. */
    public String reasonText() {
        return UpliftStatistics.reasonText(this, reason);
    }

    /** {@link #revenueReason()} in the interface language. */
    public String revenueReasonText() {
        return UpliftStatistics.reasonText(this, revenueReason);
    }

    /** True when revenue has an interval to show (enough buyers, both groups present). */
    public boolean revenueKnown() {
        return revenueReason == null && revenueInterval.known();
    }

    /** The p-value the verdict follows: the adjusted one in a breakdown, else the plain one. */
    public double decidingPValue() {
        return Double.isNaN(adjustedPValue) ? pValue : adjustedPValue;
    }

    /** This comparison as a row of a breakdown, its verdict decided by the Holm-adjusted p-value. */
    public Uplift withAdjustedPValue(double adjusted) {
        Verdict v = UpliftStatistics.verdict(verdict, adjusted, 1 - confidence, absolute, absoluteInterval, relativeInterval);
        String why = reason;
        if (v == Verdict.NO_CLEAR_DIFFERENCE && verdict != v) {
            why = UpliftStatistics.NOT_AFTER_ADJUSTMENT;
        }
        return new Uplift(contacted, holdout, confidence, absolute, absoluteInterval, relative, relativeInterval, pValue,
                adjusted, v, why, revenueDifference, revenueInterval, revenuePValue, revenueReason);
    }
}
