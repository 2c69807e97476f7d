package dev.rekindle.imports.source;

import dev.rekindle.i18n.Tr;
import dev.rekindle.console.UserException;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Rows of a file whose columns are separated by runs of spaces (the CDNOW master file and other fixed-width
 * text dumps). No quoting: a value cannot contain a space.
 */
public final class WhitespaceRows implements RowSource {

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final TextFile file;
    private final BufferedReader reader;
    private final List<String> header;
    private long line;

    private WhitespaceRows(TextFile file, boolean hasHeader) {
        this.file = file;
        this.reader = new BufferedReader(file.reader(), 64 * 1024);
        if (hasHeader) {
            Row first = next();
            if (first == null) {
                close();
                throw new UserException(Tr.f("%s is empty.", file.path()));
            }
            this.header = first.fields();
        } else {
            this.header = List.of();
        }
    }

    public static WhitespaceRows open(TextFile file, boolean hasHeader) {
        return new WhitespaceRows(file, hasHeader);
    }

    /** True when the first line looks like space-separated columns (no comma, tab or semicolon at all). */
    public static boolean looksSpaceSeparated(TextFile file) {
        String first = CsvRows.firstLine(file).strip();
        return !first.isEmpty() && first.indexOf(',') < 0 && first.indexOf('\t') < 0 && first.indexOf(';') < 0
                && SPACES.split(first).length >= 2;
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public Row next() {
        try {
            String text;
            do {
                text = reader.readLine();
                line++;
                if (text == null) {
                    return null;
                }
                text = text.strip();
            } while (text.isEmpty());
            return new Row(line, Arrays.asList(SPACES.split(text)));
        } catch (CheckedReader.UndecodableTextException e) {
            throw new UserException(e.getMessage());
        } catch (IOException e) {
            throw new UserException(Tr.f("cannot read %s: %s", file.path(), e.getMessage()), e);
        }
    }

    @Override
    public String describe() {
        return file.encodingLabel() + ", space-separated";
    }

    @Override
    public long estimatedRows() {
        return CsvRows.estimate(file);
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            // read-only file: nothing to lose
        }
    }
}
