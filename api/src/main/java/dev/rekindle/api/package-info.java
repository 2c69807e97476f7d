/**
 * The plugin contract of Rekindle: extension points ({@link dev.rekindle.api.Channel},
 * {@link dev.rekindle.api.Strategy}) and the records they exchange with the host. Plugin authors depend
 * on this module alone (scope {@code provided}). Nothing here knows about Spring, JDBC or the shell.
 */
package dev.rekindle.api;
