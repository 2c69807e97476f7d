/**
 * The console itself: how a line becomes a command invocation (tokenising, option checks, exit codes),
 * the interactive loop, one-shot and script modes, help, and shared output formatting.
 * Feature packages contribute commands; this package knows none of them.
 */
package dev.rekindle.shell;
