/**
 * The statistics behind "what did the campaign bring back": conversion of the contacted group against the
 * holdout group by Fisher's exact test, absolute uplift with Newcombe's hybrid score interval, relative uplift
 * with Koopman's score interval for the risk ratio (the verdict needs the test and both intervals to agree),
 * Holm-adjusted p-values for breakdowns, and the difference in revenue per customer by a studentised
 * permutation test with its interval by inversion. Pure Java with no Spring or JDBC, so it is tested against
 * published values and by simulation (see docs/operator/proof.md).
 */
package dev.rekindle.report.uplift;
