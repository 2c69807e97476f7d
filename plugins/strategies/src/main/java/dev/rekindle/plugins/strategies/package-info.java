/**
 * The built-in strategies, one small {@code @Extension} class each, on a shared base
 * ({@link dev.rekindle.plugins.strategies.BuiltinStrategy}) for settings, channel order and offers by
 * segment. Settings: {@code rekindle.plugins.strategies.<strategy-id>.<key>} and the shared offer tiers
 * {@code rekindle.plugins.strategies.tiers.<tier>.title|detail}.
 */
package dev.rekindle.plugins.strategies;
