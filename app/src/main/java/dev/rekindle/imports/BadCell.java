package dev.rekindle.imports;

import dev.rekindle.i18n.Tr;

/**
 * One bad row, located for the operator: line, column, value, what is wrong and how to fix it. Carries no
 * stack trace (a file may have many).
 */
final class BadCell extends RuntimeException {

    private final long line;
    private final String column;
    private final String value;
    private final String problem;
    private final String fix;

    BadCell(long line, String column, String value, String problem, String fix) {
        super(problem, null, false, false);
        this.line = line;
        this.column = column;
        this.value = value;
        this.problem = problem;
        this.fix = fix;
    }

    long line() {
        return line;
    }

    /** Rows with the same kind of problem in the same column: shown a few times, then counted. */
    String kind() {
        return column + "\u0000" + problem;
    }

    String column() {
        return column;
    }

    /** "line 5, column 订单付款时间: '2024-13-45' is not a date …" */
    String describe() {
        String shown = value == null ? "" : value.length() > 60 ? value.substring(0, 60) + "…" : value;
        boolean ends = problem.endsWith("?") || problem.endsWith(".");
        return Tr.f("line %d, column %s: ", line, column) + (value == null ? "" : "'" + shown + "' ") + problem
                + (fix == null || fix.isEmpty() ? "" : (ends ? " " : ". ") + fix);
    }

    /** Short form for the reject file, without the line (the row itself is there). */
    String reason() {
        return column + ": " + (value == null ? "" : "'" + value + "' ") + problem;
    }
}
