/**
 * Segmentation: the snapshot of every customer at an as-of date (recency, frequency, monetary, R/F/M scores
 * with equal scores for equal values, lifecycle stage with per-category thresholds, the 8 RFM segments),
 * the summaries read by {@code segments list}, {@code rfm matrix} and {@code stages flow}, and user-defined
 * segments written in the filter language. Other features use {@link dev.rekindle.segment.CustomerSegments}.
 */
package dev.rekindle.segment;
