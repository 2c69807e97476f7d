package dev.rekindle.report;

import dev.rekindle.console.TextWidth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Aligned text columns for report screens, where figures arrive already formatted ("10.42%", "+¥5.10") and
 * must still line up on the right. Chinese labels count double width.
 */
public final class TextGrid {

    private final String[] header;
    private final boolean[] right;
    private final List<String[]> rows = new ArrayList<>();

    /** Columns whose name starts with '>' are right-aligned (the '>' is not shown). */
    public TextGrid(String... columns) {
        header = new String[columns.length];
        right = new boolean[columns.length];
        for (int i = 0; i < columns.length; i++) {
            right[i] = columns[i].startsWith(">");
            header[i] = right[i] ? columns[i].substring(1) : columns[i];
        }
    }

    public TextGrid row(String... cells) {
        if (cells.length != header.length) {
            throw new IllegalArgumentException("expected " + header.length + " cells, got " + cells.length);
        }
        rows.add(cells);
        return this;
    }

    public String render() {
        int[] width = new int[header.length];
        for (int c = 0; c < width.length; c++) {
            width[c] = TextWidth.of(header[c]);
            for (String[] r : rows) width[c] = Math.max(width[c], TextWidth.of(r[c] == null ? "" : r[c]));
        }
        StringBuilder sb = new StringBuilder();
        line(sb, header, width);
        sb.append(String.join("  ", Arrays.stream(width).mapToObj("-"::repeat).toList())).append('\n');
        rows.forEach(r -> line(sb, r, width));
        return sb.toString().stripTrailing();
    }

    private void line(StringBuilder sb, String[] cells, int[] width) {
        StringBuilder l = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            String s = cells[c] == null ? "" : cells[c];
            String pad = " ".repeat(width[c] - TextWidth.of(s));
            l.append(right[c] ? pad + s : s + pad);
            if (c < cells.length - 1) l.append("  ");
        }
        sb.append(l.toString().stripTrailing()).append('\n');
    }
}
