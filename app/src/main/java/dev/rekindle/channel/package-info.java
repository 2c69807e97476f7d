/**
 * Channels the app can deliver through: its own built-in file channel plus every {@code Channel}
 * extension of the started plugins, each configured from {@code rekindle.plugins.<plugin-id>.*}.
 */
package dev.rekindle.channel;
