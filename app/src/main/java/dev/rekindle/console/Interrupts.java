package dev.rekindle.console;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Ctrl-C while a command runs in the shell: the command is cancelled, not the shell. Long work registers
 * how it stops cleanly (a delivery run stops claiming and records the answers of messages in flight);
 * other commands are interrupted and roll back.
 */
public final class Interrupts {

    private static final List<Runnable> HANDLERS = new CopyOnWriteArrayList<>();

    private Interrupts() {
    }

    /** Registers how the current work stops; close the handle when the work is over. */
    public static AutoCloseable onInterrupt(Runnable stop) {
        HANDLERS.add(stop);
        return () -> HANDLERS.remove(stop);
    }

    /** Tells the registered work to stop; false when none is registered (then the command's thread is interrupted). */
    public static boolean fire() {
        HANDLERS.forEach(Runnable::run);
        return !HANDLERS.isEmpty();
    }
}
