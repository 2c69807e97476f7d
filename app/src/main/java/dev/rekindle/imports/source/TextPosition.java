package dev.rekindle.imports.source;

import dev.rekindle.i18n.Tr;
import java.util.ArrayList;
import java.util.List;

/** Turns a byte position the decoder stumbled on into what an operator can find in Excel: line, column, value. */
final class TextPosition {

    private TextPosition() {
    }

    /** The most frequent of comma, tab and semicolon outside quotes in the header line; comma when none. */
    static char separatorOf(String headerLine) {
        int commas = 0;
        int tabs = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (int i = 0; i < headerLine.length(); i++) {
            char c = headerLine.charAt(i);
            if (c == '"') quoted = !quoted;
            else if (!quoted && c == ',') commas++;
            else if (!quoted && c == '\t') tabs++;
            else if (!quoted && c == ';') semicolons++;
        }
        if (tabs > commas && tabs >= semicolons) return '\t';
        if (semicolons > commas) return ';';
        return ',';
    }

    /** Header names split naively (good enough to name a column in a message). */
    static List<String> names(String headerLine, char separator) {
        List<String> names = new ArrayList<>();
        for (String n : headerLine.split(java.util.regex.Pattern.quote(String.valueOf(separator)), -1)) {
            names.add(n.replace("\"", "").strip());
        }
        return names;
    }

    /** A column by name and position, and the value there. */
    record Cell(String column, String value) {
    }

    /** The cell of {@code line} that holds the character at {@code index}, named from the header line. */
    static Cell cellAt(String headerLine, String lineText, int index, long lineNumber) {
        char sep = separatorOf(headerLine);
        int column = 0;
        int fieldStart = 0;
        boolean quoted = false;
        for (int i = 0; i < index && i < lineText.length(); i++) {
            char c = lineText.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == sep && !quoted) {
                column++;
                fieldStart = i + 1;
            }
        }
        int fieldEnd = fieldStart;
        quoted = false;
        while (fieldEnd < lineText.length() && (quoted || lineText.charAt(fieldEnd) != sep)) {
            if (lineText.charAt(fieldEnd) == '"') quoted = !quoted;
            fieldEnd++;
        }
        String value = lineText.substring(fieldStart, fieldEnd).replace("\"", "").strip();
        if (value.length() > 40) value = value.substring(0, 40) + "…";
        String name;
        if (lineNumber == 1) {
            name = Tr.f("%d of the header", column + 1);
        } else {
            List<String> names = names(headerLine, sep);
            name = column < names.size() && !names.get(column).isEmpty() ? names.get(column) + " (" + (column + 1) + ")" : "#" + (column + 1);
        }
        return new Cell(name, value);
    }

    static String undecodable(String file, long line, String linePrefix, String badBytes, String headerLine, String what) {
        char sep = separatorOf(headerLine);
        int column = 0;
        int fieldStart = 0;
        boolean quoted = false;
        for (int i = 0; i < linePrefix.length(); i++) {
            char c = linePrefix.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == sep && !quoted) {
                column++;
                fieldStart = i + 1;
            }
        }
        String columnName;
        if (line == 1) {
            columnName = Tr.f("%d of the header", column + 1);
        } else {
            List<String> names = names(headerLine, sep);
            columnName = column < names.size() && !names.get(column).isEmpty()
                    ? names.get(column) + " (" + (column + 1) + ")" : "#" + (column + 1);
        }
        String value = linePrefix.substring(fieldStart).replace("\"", "");
        return Tr.f("%s line %d, column %s: cannot read the value '%s\uFFFD' (bytes %s): the file is %s. "
                        + "Save it from Excel as \"CSV UTF-8 (comma delimited)\", or name its encoding with "
                        + "--encoding gbk or --encoding utf-8.",
                file, line, columnName, value.length() > 40 ? value.substring(value.length() - 40) : value, badBytes, what);
    }
}
