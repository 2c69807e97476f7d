/**
 * The guard: the one place that decides, per recipient and channel, send or skip (with a reason). Rules
 * are beans implementing {@link dev.rekindle.guard.GuardRule}, evaluated in {@code order()}: no contact
 * data, opted out of everything, refused this channel, no marketing consent, holdout. Send mode adds its
 * own rules (frequency caps, quiet hours, give-up) as further beans.
 */
package dev.rekindle.guard;
