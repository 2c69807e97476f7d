package dev.rekindle.console;

/** Whether a person is at the prompt (interactive shell) rather than a script or one-shot run. */
public final class Interactive {

    private static volatile boolean active;

    private Interactive() {
    }

    public static boolean isActive() {
        return active;
    }

    public static void set(boolean value) {
        active = value;
    }
}
