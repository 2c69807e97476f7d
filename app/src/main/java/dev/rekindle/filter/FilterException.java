package dev.rekindle.filter;

import dev.rekindle.i18n.Tr;
import dev.rekindle.console.TextWidth;
import dev.rekindle.console.UserException;

/**
 * A mistake in a filter expression, with the position it was found at. The message quotes the expression
 * and puts a caret under the spot:
 * <pre>
 * the filter has an error at position 22: expected a value after '>'
 *   stage = silent and m >
 *                         ^
 * </pre>
 */
public class FilterException extends UserException {

    private final int position;

    public FilterException(String problem, String expression, int position) {
        super(format(problem, expression, position));
        this.position = position;
    }

    /** 0-based index into the expression. */
    public int position() {
        return position;
    }

    private static String format(String problem, String expression, int position) {
        int at = Math.max(0, Math.min(position, expression.length()));
        // a long expression is shown around the spot only, so that the caret stays on screen
        int from = Math.max(0, at - 60);
        int to = Math.min(expression.length(), at + 20);
        String shown = (from > 0 ? "…" : "") + expression.substring(from, to) + (to < expression.length() ? "…" : "");
        String before = (from > 0 ? "…" : "") + expression.substring(from, at);
        return Tr.f("the filter has an error at position %d: %s", at + 1, problem) + "\n  " + shown + "\n  "
                + " ".repeat(TextWidth.of(before)) + "^";
    }
}
