package dev.rekindle.shell;

import dev.rekindle.i18n.Tr;

/**
 * An error message as the terminal gets it: a message that quotes its input (a 10 MB header line, a
 * whole file read as one line) is cut, with its length said, instead of flooding the screen and the log.
 */
public final class ErrorText {

    /** Longer messages are cut: a real explanation with a file name and a fix fits easily. */
    static final int MAX = 2000;

    private ErrorText() {
    }

    public static String bounded(String message) {
        if (message == null || message.length() <= MAX) return message;
        return message.substring(0, MAX) + Tr.f("… [message cut: %,d characters in all]", message.length());
    }
}
