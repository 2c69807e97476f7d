package dev.rekindle.imports.source;

import dev.rekindle.i18n.Tr;
import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.rekindle.console.UserException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * Rows of a delimited text file (comma, tab or semicolon, guessed from the header line), parsed by
 * FastCSV: quoted values may hold separators, quotes and line breaks. Rows of a different length than the
 * header are passed on as they are; the importers report them with their line number.
 */
public final class CsvRows implements RowSource {

    /** Longer column names are not a header (and are not echoed in messages). */
    static final int MAX_NAME = 200;
    /** Excel's own limit for one cell: a longer value is a quote that swallowed rows, or not a table. */
    static final int MAX_CELL = 32_767;
    /** A quoted value may hold line breaks (an address), but not this many. */
    static final int MAX_VALUE_LINES = 50;

    private final TextFile file;
    private final char separator;
    private final CsvReader<CsvRecord> reader;
    private final Iterator<CsvRecord> records;
    private final List<String> header;

    private CsvRows(TextFile file, char separator) {
        this.file = file;
        this.separator = separator;
        this.reader = CsvReader.builder().fieldSeparator(separator).quoteCharacter('"')
                .commentStrategy(CommentStrategy.NONE).skipEmptyLines(true)
                .allowExtraFields(true).allowMissingFields(true).allowExtraCharsAfterClosingQuote(true)
                .ofCsvRecord(file.reader());
        this.records = reader.iterator();
        CsvRecord first = advance();
        if (first == null) {
            close();
            throw new UserException(Tr.f("%s is empty: expected a header line with column names, then one row per line.", file.path()));
        }
        List<String> names = new ArrayList<>();
        for (String name : first.getFields()) {
            String clean = cleanName(name);
            if (clean.length() > MAX_NAME) {
                close();
                throw new UserException(Tr.f("%s line 1, column #%d: the column name is %,d characters long (at most %,d "
                        + "are expected). Is the first line really the header with the column names, and is every quote (\") "
                        + "in it closed?", file.fileName(), names.size() + 1, clean.length(), MAX_NAME));
            }
            names.add(clean);
        }
        this.header = Collections.unmodifiableList(names);
    }

    public static CsvRows open(TextFile file) {
        return new CsvRows(file, TextPosition.separatorOf(firstLine(file)));
    }

    /** The first line of the sample, decoded leniently (the strict reader reports bad bytes later). */
    static String firstLine(TextFile file) {
        String text = new String(file.sample(), file.charset());
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).replace("\r", "");
    }

    private static String cleanName(String name) {
        return name.replace("\uFEFF", "").strip();
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public Row next() {
        CsvRecord r = advance();
        if (r == null) {
            return null;
        }
        checkValues(r);
        return new Row(r.getStartingLineNumber(), r.getFields());
    }

    /**
     * A quote that is never closed makes the parser read the rest of the file (or up to the next quote) as
     * one value: a 1,000-row file then imported 11 rows without a word. A value holding line breaks is
     * fine (an address over two lines), unless it holds what looks like a whole row (as many separators
     * on one of its lines as the header has), spans many lines, or is longer than a cell can be.
     */
    private void checkValues(CsvRecord r) {
        long line = r.getStartingLineNumber();
        for (int i = 0; i < r.getFieldCount(); i++) {
            String v = r.getField(i);
            if (v.length() > MAX_CELL && v.indexOf('\n') < 0) {
                throw new UserException(Tr.f("%s line %d, column %s: the value is %,d characters long; a cell holds at most "
                        + "%,d. Is this a table of orders and customers?", file.fileName(), line, columnName(i), v.length(), MAX_CELL));
            }
            int breaks = lineBreaks(v);
            if (breaks == 0) {
                continue;
            }
            if (breaks > MAX_VALUE_LINES || v.length() > MAX_CELL || holdsARow(v)) {
                if (v.endsWith("\n")) {
                    breaks--; // the file's last line break, read into the value by the open quote
                }
                String end = hasMore() ? Tr.f("the next quote, %,d lines further down, closes it", breaks)
                        : Tr.t("it is never closed and takes the rest of the file");
                throw new UserException(Tr.f("%s line %d, column %s: a quote (\") opens a value here that runs over %,d "
                        + "lines and holds what look like whole rows: %s. Nothing was imported (the database is unchanged). "
                        + "Remove the stray quote or close it, then import again.", file.fileName(), line, columnName(i),
                        breaks + 1, end));
            }
            line += breaks;
        }
    }

    private boolean hasMore() {
        try {
            return records.hasNext();
        } catch (RuntimeException e) {
            return true; // the next record has its own problem; this one is still not closed where it should be
        }
    }

    private String columnName(int index) {
        return index < header.size() && !header.get(index).isEmpty() ? header.get(index) + " (" + (index + 1) + ")" : "#" + (index + 1);
    }

    private static int lineBreaks(String v) {
        int n = 0;
        for (int at = v.indexOf('\n'); at >= 0; at = v.indexOf('\n', at + 1)) {
            n++;
        }
        return n;
    }

    /** A line inside the value with as many separators as a row has: a row swallowed by an open quote. */
    private boolean holdsARow(String v) {
        if (header.size() < 2) {
            return false;
        }
        int separators = 0;
        for (int i = v.indexOf('\n') + 1; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\n') {
                separators = 0;
            } else if (c == separator && ++separators >= header.size() - 1) {
                return true;
            }
        }
        return false;
    }

    private CsvRecord advance() {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CheckedReader.UndecodableTextException u) {
                throw new UserException(u.getMessage());
            }
            throw new UserException(Tr.f("cannot read %s: %s", file.path(), e.getCause().getMessage()), e);
        } catch (CsvParseException e) {
            throw new UserException(Tr.f("%s: cannot split the text into columns (%s). Most often a value starts with a "
                    + "quote (\") that is never closed; fix that line or re-save the file from Excel as CSV.", file.fileName(), rootMessage(e)));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : e.getMessage();
    }

    @Override
    public String describe() {
        String sep = switch (separator) {
            case '\t' -> "tab";
            case ';' -> "semicolon";
            default -> "comma";
        };
        return file.encodingLabel() + ", " + sep + "-separated";
    }

    @Override
    public long estimatedRows() {
        return estimate(file);
    }

    static long estimate(TextFile file) {
        byte[] s = file.sample();
        int lines = 0;
        for (byte b : s) {
            if (b == '\n') lines++;
        }
        if (file.size() <= s.length) {
            return Math.max(0, lines - 1 + (s.length > 0 && s[s.length - 1] != '\n' ? 1 : 0));
        }
        return lines < 2 ? -1 : (long) (file.size() / ((double) s.length / lines)) - 1;
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            // nothing left to read; closing a file we only read cannot lose data
        }
    }
}
