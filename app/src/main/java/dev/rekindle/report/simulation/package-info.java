/**
 * {@code demo orders-after}: simulated "orders after the campaign" for the demo shop, so that an operator
 * can try {@code campaigns report} and the HTML report before real orders are imported. Contacted customers
 * buy more often than holdout ones by a chosen lift; deterministic for a seed; customer_stats kept current.
 */
package dev.rekindle.report.simulation;
