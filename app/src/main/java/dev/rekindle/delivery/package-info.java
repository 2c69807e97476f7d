/**
 * Delivery: sends a stream of rendered messages through the channels exactly once, respectfully.
 * <ul>
 * <li>{@link dev.rekindle.delivery.DeliveryRequest} — the narrow input: one message for one recipient
 *     on one channel; whoever plans a campaign produces a stream of these.</li>
 * <li>{@link dev.rekindle.delivery.DeliveryLedger} — one row per (campaign, customer, channel), written
 *     before the channel is called and updated after (schema V5).</li>
 * <li>{@link dev.rekindle.delivery.SendGuards} — the one place that says send, skip (with a reason) or
 *     wait: consent, opt-outs at send time, frequency caps across campaigns, quiet hours, give-up,
 *     holdout.</li>
 * <li>{@link dev.rekindle.delivery.DeliveryEngine} — rate limits per channel and sender, bounded
 *     concurrency, retries with backoff only for transient failures, unknown outcomes never re-sent,
 *     resume, reconcile, status.</li>
 * </ul>
 */
package dev.rekindle.delivery;
