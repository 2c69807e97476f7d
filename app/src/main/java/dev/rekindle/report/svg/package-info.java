/**
 * A small SVG chart renderer for the HTML report: bar charts with optional error bars, line charts, a heat
 * map and an interval (forest) chart. Output is plain SVG text with every label escaped, no scripts and no
 * external references, so the page stays self-contained; elements carry classes (bar, error-bar, cell,
 * series, interval) that the page's CSS and the tests use.
 */
package dev.rekindle.report.svg;
