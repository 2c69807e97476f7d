/**
 * The SQLite store: where the database lives, its versioned schema (migrations under
 * {@code db/migration}), and the per-customer aggregates that analysis reads instead of rescanning
 * every order.
 */
package dev.rekindle.store;
