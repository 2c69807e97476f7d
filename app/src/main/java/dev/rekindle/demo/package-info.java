/**
 * The embedded demo: a deterministic, realistic customer base (names, contacts, two and a half years of
 * orders with a long tail of repeat buyers, refused consents) so that a new operator can try every
 * command at once, and {@code demo reset} to start over.
 */
package dev.rekindle.demo;
