/**
 * What every command shares to talk to the operator, without knowing how the shell runs it: the errors
 * that become exit codes ({@link dev.rekindle.console.UserException} 1, {@link dev.rekindle.console.UsageException} 2,
 * {@link dev.rekindle.console.WorkLeft} 3), output as a table, JSON or CSV, progress, confirmation, help groups,
 * completion values, and the work done before the first command. It depends on nothing of Rekindle but i18n.
 */
package dev.rekindle.console;
