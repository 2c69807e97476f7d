package dev.rekindle.console;

import java.util.regex.Pattern;

/**
 * Cells of the CSV files Rekindle writes (every {@code --format csv}, dry-run outboxes, reject files),
 * safe to open in Excel or WPS: a text cell starting with {@code = + - @}, tab or carriage return gets a
 * leading {@code '} (the OWASP CSV-injection rule), so {@code =HYPERLINK(…)} from an import file shows as
 * text instead of running.
 *
 * <p>Numbers stay numbers: a cell our code writes from a Java number is never prefixed, and neither is a
 * text cell that is a plain decimal such as {@code -12.5} (a spreadsheet reads it as that number and
 * computes nothing), so refunds and deltas keep their sign and sum in Excel. {@code -1+1} is not a plain
 * number and is prefixed.
 */
public final class CsvCells {

    private static final Pattern PLAIN_NUMBER = Pattern.compile("-\\d+(\\.\\d+)?");

    private CsvCells() {
    }

    /** A value as one CSV cell: numbers as they are, text neutralised and quoted when needed. */
    public static String cell(Object value) {
        return value instanceof Number || value == null ? text(value) : quoted(text(value));
    }

    /** A value's text for a CSV writer that quotes by itself (FastCSV): numbers as they are, text neutralised. */
    public static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number n) {
            return String.valueOf(n);
        }
        // line breaks and tabs are data (quoted); ESC, BEL … are not, and a CSV is often printed to a terminal
        return neutralised(Visible.text(String.valueOf(value)));
    }

    /** Text with a leading {@code '} when a spreadsheet would take it for a formula. */
    public static String neutralised(String s) {
        if (s == null || s.isEmpty()) {
            return s;
        }
        char c = s.charAt(0);
        boolean risky = c == '=' || c == '+' || c == '@' || c == '\t' || c == '\r'
                || (c == '-' && !PLAIN_NUMBER.matcher(s).matches());
        return risky ? "'" + s : s;
    }

    /** RFC 4180 quoting, for a cell that holds a separator, a quote or a line break. */
    public static String quoted(String s) {
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
