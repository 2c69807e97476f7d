package dev.rekindle.console;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import dev.rekindle.i18n.Tr;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rows with named columns, printed as an aligned table (Chinese text counts double width), a JSON
 * array of objects, or CSV. Values are kept as given (numbers stay numbers in JSON).
 *
 * <p>On screen numbers are right-aligned, and so is every cell of a column whose name starts with
 * {@code >} (for figures that arrive formatted, "10.42%", "+¥5.10"; the {@code >} is never shown). With
 * {@link #fit(int)} the widest text columns are wrapped so that no line is wider than the terminal.
 */
public final class Table {

    /** The width list commands keep to: a common terminal, and what fits beside a log in tmux. */
    public static final int SCREEN = 120;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A wrapped column keeps at least this many columns (or its heading's width, if wider). */
    private static final int NARROWEST = 12;
    /** A word up to this wide is not cut while other columns can still give up room. */
    private static final int LONGEST_KEPT = 24;

    private final List<String> columns;
    private final boolean[] right;
    /** Columns never wrapped by {@link #fit(int)}: keys a reader copies whole (see {@link #whole(int)}). */
    private final boolean[] whole;
    /** Columns for scripts only (JSON, CSV), left out on screen (see {@link #offScreen(int)}). */
    private final boolean[] offScreen;
    private final List<Object[]> rows = new ArrayList<>();
    private int maxWidth = Integer.MAX_VALUE;

    public Table(String... columns) {
        this.right = new boolean[columns.length];
        this.whole = new boolean[columns.length];
        this.offScreen = new boolean[columns.length];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            right[i] = columns[i].startsWith(">");
            names.add(right[i] ? columns[i].substring(1) : columns[i]);
        }
        this.columns = List.copyOf(names);
    }

    public Table row(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("expected " + columns.size() + " values, got " + values.length);
        }
        rows.add(values);
        return this;
    }

    /** On screen, wrap text columns so that every line fits in this many terminal columns (JSON, CSV unchanged). */
    public Table fit(int width) {
        this.maxWidth = width;
        return this;
    }

    /** Keeps a column whole when the table is fitted (e.g. setting keys: a cut key cannot be copied). */
    public Table whole(int column) {
        whole[column] = true;
        return this;
    }

    /** Leaves a column out on screen, e.g. one the heading above the table already names; JSON and CSV keep it. */
    public Table offScreen(int column) {
        offScreen[column] = true;
        return this;
    }

    public int size() {
        return rows.size();
    }

    public String render(OutputFormat format) {
        return switch (format) {
            case TABLE -> text();
            case JSON -> json();
            case CSV -> csv();
        };
    }

    /** Column names are translated on screen only: JSON keys and CSV headers stay stable for scripts. */
    private String text() {
        if (java.util.stream.IntStream.range(0, offScreen.length).anyMatch(c -> offScreen[c])) {
            return onScreen().text();
        }
        List<String> heads = this.columns.stream().map(Tr::t).toList();
        List<String[]> cells = rows.stream().map(r -> Arrays.stream(r).map(Table::cell).toArray(String[]::new)).toList();
        int[] width = new int[heads.size()];
        for (int c = 0; c < width.length; c++) {
            width[c] = TextWidth.of(heads.get(c));
            for (String[] r : cells) width[c] = Math.max(width[c], TextWidth.of(r[c]));
        }
        narrow(width, heads, cells);
        StringBuilder sb = new StringBuilder();
        line(sb, heads.stream().map(Style::heading).toArray(String[]::new), width, right);
        sb.append(String.join("  ", Arrays.stream(width).mapToObj("-"::repeat).toList())).append('\n');
        for (int i = 0; i < rows.size(); i++) {
            Object[] r = rows.get(i);
            boolean[] alignRight = new boolean[width.length];
            for (int c = 0; c < width.length; c++) alignRight[c] = right[c] || r[c] instanceof Number;
            String[][] wrapped = new String[width.length][];
            int height = 1;
            for (int c = 0; c < width.length; c++) {
                wrapped[c] = TextWidth.wrap(cells.get(i)[c], width[c]).toArray(String[]::new);
                height = Math.max(height, wrapped[c].length);
            }
            for (int l = 0; l < height; l++) {
                String[] part = new String[width.length];
                for (int c = 0; c < width.length; c++) part[c] = l < wrapped[c].length ? wrapped[c][l] : "";
                line(sb, part, width, alignRight);
            }
        }
        return sb.toString().stripTrailing();
    }

    /** This table without its off-screen columns, fitted and kept whole as this one. */
    private Table onScreen() {
        int[] shown = java.util.stream.IntStream.range(0, columns.size()).filter(c -> !offScreen[c]).toArray();
        Table t = new Table(Arrays.stream(shown).mapToObj(c -> (right[c] ? ">" : "") + columns.get(c)).toArray(String[]::new));
        t.maxWidth = maxWidth;
        for (int i = 0; i < shown.length; i++) t.whole[i] = whole[shown[i]];
        for (Object[] r : rows) t.row(Arrays.stream(shown).mapToObj(c -> r[c]).toArray());
        return t;
    }

    /**
     * Takes columns from the widest text column, one at a time, until a line fits. First no column gets
     * narrower than its longest word (an id, a file name, up to {@value #LONGEST_KEPT} columns: cut, they
     * are hard to read and to copy); if that is not enough, prose columns down to {@value #NARROWEST}, then any.
     */
    private void narrow(int[] width, List<String> heads, List<String[]> cells) {
        int[] floor = new int[width.length];
        for (int c = 0; c < width.length; c++) {
            int word = 0;
            for (String[] r : cells) {
                for (String w : r[c].split(" ")) word = Math.max(word, TextWidth.of(w));
            }
            floor[c] = Math.max(TextWidth.of(heads.get(c)), Math.min(LONGEST_KEPT, word));
        }
        shrink(width, floor);
        // then prose (cells with spaces) may cut a word before an id is cut, and as a last resort anything may
        int[] words = floor.clone();
        Arrays.setAll(floor, c -> prose(cells, c) ? Math.max(NARROWEST, TextWidth.of(heads.get(c))) : words[c]);
        shrink(width, floor);
        Arrays.setAll(floor, c -> Math.max(NARROWEST, TextWidth.of(heads.get(c))));
        shrink(width, floor);
    }

    private static boolean prose(List<String[]> cells, int column) {
        return cells.stream().anyMatch(r -> r[column].indexOf(' ') >= 0);
    }

    private void shrink(int[] width, int[] floor) {
        while (Arrays.stream(width).sum() + 2 * (width.length - 1) > maxWidth) {
            int widest = -1;
            for (int c = 0; c < width.length; c++) {
                if (!right[c] && !whole[c] && !numeric(c) && width[c] > floor[c] && (widest < 0 || width[c] > width[widest])) widest = c;
            }
            if (widest < 0) return;
            width[widest]--;
        }
    }

    private boolean numeric(int column) {
        return !rows.isEmpty() && rows.stream().allMatch(r -> r[column] == null || r[column] instanceof Number);
    }

    private static void line(StringBuilder sb, String[] values, int[] width, boolean[] alignRight) {
        StringBuilder l = new StringBuilder();
        for (int c = 0; c < values.length; c++) {
            String s = values[c];
            String pad = " ".repeat(Math.max(0, width[c] - TextWidth.of(s)));
            if (alignRight[c]) l.append(pad).append(s);
            else l.append(s).append(c == values.length - 1 ? "" : pad);
            if (c < values.length - 1) l.append("  ");
        }
        sb.append(l.toString().stripTrailing()).append('\n');
    }

    private String json() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Object[] r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int c = 0; c < columns.size(); c++) {
                m.put(columns.get(c), r[c]);
            }
            list.add(m);
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(list);
    }

    /** RFC 4180 by FastCSV's writer (quoting only where needed); every text cell formula-neutralised first. */
    private String csv() {
        StringWriter sw = new StringWriter();
        CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(sw);
        csv.writeRecord(columns.stream().map(CsvCells::text).toList());
        for (Object[] r : rows) {
            csv.writeRecord(Arrays.stream(r).map(CsvCells::text).toList());
        }
        try {
            csv.close(); // a StringWriter: closing only flushes the buffer
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return sw.toString().stripTrailing();
    }

    /** On screen: control characters in the data (an import file's ESC sequences) are shown, not run. */
    private static String cell(Object v) {
        if (v == null) return "";
        if (v instanceof Double d) return String.format("%.2f", d);
        return Visible.inline(String.valueOf(v));
    }
}
