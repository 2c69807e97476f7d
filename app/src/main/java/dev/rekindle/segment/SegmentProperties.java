package dev.rekindle.segment;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The shop's standing segmentation settings (rekindle.segments.*); segments refresh options
 * override them for one run and each snapshot records what it used. Checked by SegmentConfig.
 *
 * @param windowMonths   0 = frequency and monetary over all history; N = over the last N months up to the
 *                       as-of date
 * @param method         quintiles (high = score above the average score) or mean (high =
 *                       value better than the mean)
 * @param stages         first day of silent, sleeping, lost, gone (days since the last purchase), e.g.
 *                       90,180,270,365
 * @param categoryStages per main category: CATEGORY=S,S,L,G;CATEGORY=...
 * @param keepSnapshots  snapshots kept (one row per customer each); a refresh deletes older ones
 */
@ConfigurationProperties("rekindle.segments")
public record SegmentProperties(int windowMonths, String method, String stages, String categoryStages, int keepSnapshots) {
}
