package dev.rekindle.report.uplift;

/**
 * Contacted against holdout: conversion uplift in percentage points (absolute) and as a share of the holdout
 * rate (relative), the z-test's p-value and verdict, and the difference in revenue per customer. NaN marks a
 * figure the data cannot give (an interval of {@link Interval#NONE}); {@code reason} then says why.
 */
public record Uplift(GroupOutcome contacted, GroupOutcome holdout, double confidence,
        double absolute, Interval absoluteInterval,
        double relative, Interval relativeInterval,
        double pValue, Verdict verdict, String reason,
        double revenueDifference, Interval revenueInterval) {

    /** {@link #reason()} (English, as JSON and CSV carry it) in the interface language. */
    public String reasonText() {
        return UpliftStatistics.reasonText(this);
    }
}
