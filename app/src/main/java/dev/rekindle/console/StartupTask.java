package dev.rekindle.console;

import java.util.Optional;

/**
 * Work that must be done before the first command runs (e.g. bring the database schema up to date).
 * Runs once per process; what it returns is shown to the operator.
 */
public interface StartupTask {

    Optional<String> run();
}
