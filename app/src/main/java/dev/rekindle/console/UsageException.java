package dev.rekindle.console;

/** The command line itself is wrong (unknown command or option, missing argument): exit code 2. */
public class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
