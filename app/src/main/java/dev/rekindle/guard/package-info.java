/**
 * The guard: one ordered rule chain ({@link dev.rekindle.guard.ContactRules}) with one set of skip codes
 * ({@link dev.rekindle.guard.SkipReason}) and one policy ({@link dev.rekindle.guard.GuardPolicy}), asked when
 * planning (a forecast, by {@link dev.rekindle.guard.Guard} choosing each customer's channel), before rendering
 * a dry run, and when sending (authoritative, inside the delivery ledger's claim).
 */
package dev.rekindle.guard;
