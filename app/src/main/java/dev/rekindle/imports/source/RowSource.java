package dev.rekindle.imports.source;

import java.io.Closeable;
import java.util.List;

/** The rows of an import file, read one at a time (files are never held in memory). */
public interface RowSource extends Closeable {

    /** Column names from the first line, trimmed. */
    List<String> header();

    /** The next data row, or null at the end. Throws {@code UserException} when the text cannot be read. */
    Row next();

    /** e.g. "UTF-8, comma-separated". */
    String describe();

    /** Rough number of data rows, from the file size and the first lines; -1 when unknown. */
    long estimatedRows();

    @Override
    void close();
}
