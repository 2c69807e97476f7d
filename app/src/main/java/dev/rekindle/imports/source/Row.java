package dev.rekindle.imports.source;

import java.util.List;

/**
 * One data row of an import file.
 *
 * @param line   the file line it starts on (1 = the header), for messages and the reject file
 * @param fields the values as read, not yet cleaned
 */
public record Row(long line, List<String> fields) {

    /** The value at {@code index}, or "" when the row is shorter. */
    public String get(int index) {
        return index >= 0 && index < fields.size() ? fields.get(index) : "";
    }

    public int size() {
        return fields.size();
    }
}
