/**
 * Campaigns: planning a strategy on the current snapshot (who, which channel, which offer, holdout,
 * skipped and why — all stored), the streaming message API that renders each planned recipient's exact
 * message (reused by send mode), dry runs into an outbox file, and {@code campaigns plan|list|show|preview|dry-run}.
 * Targets are rendered from the rows packed when planning: a dry run reads them a chunk of 4096 targets at a
 * time (V9 {@code campaign_chunks}), send mode and previews member by member (V8 {@code planned_row}); once a
 * customer changed, their chunk and row are gone and they are read live.
 */
package dev.rekindle.campaign;
