package dev.rekindle.shell;

import dev.rekindle.console.UsageException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a typed line into words the way a POSIX shell would for the simple cases operators meet:
 * whitespace separates words, "double" and 'single' quotes keep spaces, a backslash escapes the next
 * character (outside single quotes). Spring Shell 4.0.1's own parser splits on spaces inside quotes
 * in some cases and cannot tell an empty quoted value from a missing one, hence this class.
 */
public final class CommandLineTokenizer {

    private CommandLineTokenizer() {
    }

    public static List<String> tokenize(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < line.length()
                        && (line.charAt(i + 1) == '"' || line.charAt(i + 1) == '\\')) {
                    current.append(line.charAt(++i));
                } else {
                    current.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                current.append(line.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(current.toString());
                    current.setLength(0);
                    inWord = false;
                }
            } else {
                current.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new UsageException("unclosed " + (quote == '"' ? "double" : "single") + " quote in: " + line);
        }
        if (inWord) {
            words.add(current.toString());
        }
        return words;
    }
}
