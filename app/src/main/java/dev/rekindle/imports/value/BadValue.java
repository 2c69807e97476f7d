package dev.rekindle.imports.value;

/**
 * A value that cannot be read, with what is wrong ("is not a date") and how to fix it. Thrown per bad
 * cell, possibly for millions of rows, so it carries no stack trace.
 */
public final class BadValue extends RuntimeException {

    private final String fix;

    public BadValue(String problem, String fix) {
        super(problem, null, false, false);
        this.fix = fix;
    }

    /** e.g. "is not a date". */
    public String problem() {
        return getMessage();
    }

    /** e.g. "Use YYYY-MM-DD HH:MM:SS …". */
    public String fix() {
        return fix;
    }
}
