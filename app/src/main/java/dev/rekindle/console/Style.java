package dev.rekindle.console;

import java.util.Locale;

/**
 * Colours for the terminal, only where they help reading: headings, command names, errors, warnings, good
 * news. They are on only when a person looks at a terminal that understands them: the interactive shell
 * on a non-dumb terminal, or a one-shot command whose output is a terminal; never in pipes, files, scripts
 * run by cron, with {@code NO_COLOR} set (no-color.org) or {@code rekindle.color=never}. Text is the same
 * with and without colours, so nothing depends on them.
 */
public final class Style {

    private static final String RESET = "\u001b[0m";
    private static volatile boolean on;

    private Style() {
    }

    /**
     * Decides once per process (or per session).
     * @param setting {@code auto} (default), {@code always} or {@code never}
     * @param terminalType the terminal's type (JLine's, or $TERM); "dumb", null or blank means no colours
     * @param isTerminal whether output goes to a terminal at all
     * @param noColor the NO_COLOR environment variable
     */
    public static boolean decide(String setting, String terminalType, boolean isTerminal, String noColor) {
        String s = setting == null ? "auto" : setting.trim().toLowerCase(Locale.ROOT);
        if (s.equals("never") || s.equals("false") || s.equals("off")) return false;
        if (s.equals("always") || s.equals("true") || s.equals("on")) return true;
        if (noColor != null && !noColor.isEmpty()) return false;
        return isTerminal && terminalType != null && !terminalType.isBlank() && !terminalType.equals("dumb");
    }

    public static void enable(boolean value) {
        on = value;
    }

    public static boolean enabled() {
        return on;
    }

    /** Group and section headings. */
    public static String heading(String s) {
        return wrap("\u001b[1m", s);
    }

    /** Command names and other things to type. */
    public static String name(String s) {
        return wrap("\u001b[36m", s);
    }

    public static String error(String s) {
        return wrap("\u001b[1;31m", s);
    }

    public static String warning(String s) {
        return wrap("\u001b[33m", s);
    }

    /** Something went well: done, ready, significant. */
    public static String good(String s) {
        return wrap("\u001b[32m", s);
    }

    /** Less important detail: defaults, hints. */
    public static String dim(String s) {
        return wrap("\u001b[2m", s);
    }

    private static String wrap(String code, String s) {
        return on && s != null && !s.isEmpty() ? code + s + RESET : s;
    }

    /** The text without colour codes (for widths and for tests). */
    public static String plain(String s) {
        return s == null ? null : s.replaceAll("\u001b\\[[0-9;]*m", "");
    }
}
