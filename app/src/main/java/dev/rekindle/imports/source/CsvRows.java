package dev.rekindle.imports.source;

import dev.rekindle.i18n.Tr;
import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.rekindle.shell.UserException;
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
            names.add(cleanName(name));
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
        return r == null ? null : new Row(r.getStartingLineNumber(), r.getFields());
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
