package dev.rekindle.console;

/**
 * An error the operator can act on: bad input, a missing file, an unknown id. The message says what went
 * wrong and how to fix it; it is shown without a stack trace and the command exits with 1.
 */
public class UserException extends RuntimeException {

    public UserException(String message) {
        super(message);
    }

    public UserException(String message, Throwable cause) {
        super(message, cause);
    }
}
