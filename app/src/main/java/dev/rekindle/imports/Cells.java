package dev.rekindle.imports;

import dev.rekindle.i18n.Tr;
import dev.rekindle.imports.source.Columns;
import dev.rekindle.imports.source.Row;
import dev.rekindle.imports.value.BadValue;
import java.util.function.Function;

/**
 * The current row seen through the column mapping: cleaned text per field, parsing with errors that name
 * the line and the column. Cleaning undoes what Excel and Taobao do to values: surrounding spaces (also
 * full-width and non-breaking), the {@code ="123"} wrapping that keeps long numbers intact, a leading
 * apostrophe before digits.
 */
final class Cells {

    private final Columns columns;
    private final int width;
    private Row row;

    Cells(Columns columns) {
        this.columns = columns;
        this.width = columns.header().size();
    }

    /**
     * Moves to {@code next}; a row with fewer values than the header, or with extra non-empty values, is bad
     * (usually an unquoted comma inside a value shifted the columns).
     */
    void on(Row next) {
        this.row = next;
        if (width == 0) {
            return;
        }
        if (next.size() < width) {
            throw new BadCell(next.line(), columns.name(next.size()), null,
                    Tr.f("is missing: the row has %d values but the header has %d", next.size(), width), quoteFix());
        }
        for (int i = width; i < next.size(); i++) {
            if (!clean(next.get(i)).isEmpty()) {
                throw new BadCell(next.line(), "#" + (i + 1), next.get(i),
                        Tr.f("is one value too many: the row has %d values but the header has %d", next.size(), width), quoteFix());
            }
        }
    }

    Row row() {
        return row;
    }

    long line() {
        return row.line();
    }

    boolean has(String key) {
        return columns.has(key);
    }

    /** Cleaned text, "" when empty or when the file has no such column. */
    String text(String key) {
        int i = columns.index(key);
        return i < 0 ? "" : clean(row.get(i));
    }

    /** Cleaned text, or null when empty. */
    String optional(String key) {
        String t = text(key);
        return t.isEmpty() ? null : t;
    }

    private static String quoteFix() {
        return Tr.t("A value containing the separator must be in double quotes; check this line in a text editor");
    }

    /** Cleaned text that must not be empty. */
    String required(String key, String what) {
        String t = text(key);
        if (t.isEmpty()) {
            throw new BadCell(row.line(), columnName(key), null, Tr.f("is empty: every row needs %s", what),
                    Tr.t("Fill it in, or remove the row"));
        }
        return t;
    }

    /** Applies {@code reader} to the cleaned text; its {@link BadValue} becomes a located {@link BadCell}. */
    <T> T parse(String key, Function<String, T> reader) {
        String t = text(key);
        try {
            return reader.apply(t);
        } catch (BadValue e) {
            throw bad(key, t, e.problem(), e.fix());
        }
    }

    BadCell bad(String key, String value, String problem, String fix) {
        return new BadCell(row.line(), columnName(key), value, problem, fix);
    }

    String columnName(String key) {
        int i = columns.index(key);
        return i < 0 ? key : columns.name(i);
    }

    static String clean(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        String s = raw;
        char first = s.charAt(0);
        char last = s.charAt(s.length() - 1);
        if (first <= ' ' || last <= ' ' || first == '\u3000' || last == '\u3000' || first == '\u00A0' || last == '\u00A0') {
            s = s.strip().replace("\u00A0", " ").strip();
            if (s.isEmpty()) return s;
        }
        if (s.length() >= 3 && s.charAt(0) == '=' && s.charAt(1) == '"' && s.charAt(s.length() - 1) == '"') {
            s = s.substring(2, s.length() - 1).strip();
        } else if (s.length() >= 2 && s.charAt(0) == '\'' && (Character.isDigit(s.charAt(1)) || s.charAt(1) == '+')) {
            s = s.substring(1);
        }
        return s;
    }
}
