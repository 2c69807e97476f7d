/**
 * Proof and reports: what a campaign brought back (contacted against holdout, with intervals), and one
 * self-contained HTML page with the shop's lifecycle, RFM, inflow and monthly metrics as inline SVG charts.
 * Sub-packages: {@code uplift} (the statistics, pure Java), {@code svg} (a small chart renderer),
 * {@code campaign} ({@code campaigns report}), {@code html} ({@code report export}), {@code simulation}
 * ({@code demo orders-after}).
 */
package dev.rekindle.report;
