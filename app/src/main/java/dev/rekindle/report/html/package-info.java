/**
 * {@code report export --html FILE}: one self-contained HTML page (inline CSS and SVG; no script, font, image
 * or other external reference, enforced by a Content-Security-Policy) with the lifecycle distribution, the
 * RFM heat map, the inflow into each stage, metrics by month and, for a campaign, its uplift with intervals.
 */
package dev.rekindle.report.html;
