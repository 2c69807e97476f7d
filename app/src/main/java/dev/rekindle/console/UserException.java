package dev.rekindle.console;

import dev.rekindle.i18n.Tr;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

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

    /**
     * A file that could not be written (an outbox, a report), saying why in words: the JDK's exceptions carry
     * only the path ("cannot write /x/a.csv: /x/a.csv").
     */
    public static UserException cannotWrite(Path file, IOException e) {
        return new UserException(Tr.f("cannot write %s: %s. Choose a folder you can write to.", file, reason(e)), e);
    }

    /** Why a file operation failed, in words: permission denied, a file in the way, or the system's reason. */
    public static String reason(IOException e) {
        return e instanceof AccessDeniedException ? Tr.t("permission denied")
                : e instanceof FileAlreadyExistsException x ? Tr.f("%s is a file, not a folder", x.getFile())
                : e instanceof NoSuchFileException ? Tr.t("no such file or folder")
                : e instanceof FileSystemException f && f.getReason() != null ? f.getReason()
                : e.getMessage();
    }
}
