/**
 * Campaigns: planning a strategy on the current snapshot (who, which channel, which offer, holdout,
 * skipped and why — all stored), the streaming message API that renders each planned recipient's exact
 * message (reused by send mode), dry runs into an outbox file, and {@code campaigns plan|list|show|preview|dry-run}.
 * Targets are rendered from the rows packed when planning (V8 {@code planned_row}), read a range of members at
 * a time; once a customer changed, their row is gone and they are read live. A campaign keeps its snapshot and
 * the template text it was approved with until it is finished or cancelled.
 */
package dev.rekindle.campaign;
