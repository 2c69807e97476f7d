/**
 * The statistics behind "what did the campaign bring back": conversion and revenue per customer of the
 * contacted group against the holdout group, absolute uplift with Newcombe's hybrid score interval,
 * relative uplift with a log risk-ratio interval, a two-proportion z-test, and Welch's interval for the
 * difference in revenue per customer. Pure Java with no Spring or JDBC, so it is tested against published
 * values.
 */
package dev.rekindle.report.uplift;
