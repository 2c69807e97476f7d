package dev.rekindle.console;

import dev.rekindle.i18n.Tr;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rows with named columns, printed as an aligned table (Chinese text counts double width), a JSON
 * array of objects, or CSV. Values are kept as given (numbers stay numbers in JSON).
 */
public final class Table {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<String> columns;
    private final List<Object[]> rows = new ArrayList<>();

    public Table(String... columns) {
        this.columns = List.of(columns);
    }

    public Table row(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("expected " + columns.size() + " values, got " + values.length);
        }
        rows.add(values);
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
        List<String> columns = this.columns.stream().map(Tr::t).toList();
        int[] width = new int[columns.size()];
        for (int c = 0; c < width.length; c++) {
            width[c] = TextWidth.of(columns.get(c));
            for (Object[] r : rows) {
                width[c] = Math.max(width[c], TextWidth.of(cell(r[c])));
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, columns.stream().map(Style::heading).toArray(), width, false);
        sb.append(String.join("  ", Arrays.stream(width).mapToObj("-"::repeat).toList())).append('\n');
        for (Object[] r : rows) {
            line(sb, r, width, true);
        }
        return sb.toString().stripTrailing();
    }

    private static void line(StringBuilder sb, Object[] values, int[] width, boolean data) {
        StringBuilder l = new StringBuilder();
        for (int c = 0; c < values.length; c++) {
            String s = data ? cell(values[c]) : String.valueOf(values[c]); // headings carry our own colour codes
            boolean number = values[c] instanceof Number;
            int pad = width[c] - TextWidth.of(s);
            if (number) l.append(" ".repeat(pad)).append(s);
            else l.append(s).append(c == values.length - 1 ? "" : " ".repeat(pad));
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

    private String csv() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.join(",", columns.stream().map(CsvCells::cell).toList())).append('\n');
        for (Object[] r : rows) {
            List<String> cells = new ArrayList<>();
            for (Object v : r) {
                cells.add(CsvCells.cell(v));
            }
            sb.append(String.join(",", cells)).append('\n');
        }
        return sb.toString().stripTrailing();
    }

    /** On screen: control characters in the data (an import file's ESC sequences) are shown, not run. */
    private static String cell(Object v) {
        if (v == null) return "";
        if (v instanceof Double d) return String.format("%.2f", d);
        return Visible.inline(String.valueOf(v));
    }
}
