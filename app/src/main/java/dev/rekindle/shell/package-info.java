/**
 * The console itself: how a line becomes a command invocation (tokenising, option checks, exit codes),
 * the interactive loop, one-shot and script modes, help and completion. Feature packages contribute
 * commands; this package knows none of them, and none of them imports it (what commands share lives in
 * {@code dev.rekindle.console}).
 */
package dev.rekindle.shell;
