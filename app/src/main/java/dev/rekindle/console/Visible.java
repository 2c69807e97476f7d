package dev.rekindle.console;

/**
 * User data made safe to print: control characters (ESC, BEL, NUL, DEL, C1 controls) and the Unicode
 * direction overrides are shown as {@code \x1b}, {@code \u202e} … instead of being sent to the terminal,
 * where {@code \x1b]0;PWNED\x07\x1b[2J} from an import file would retitle the window and clear the screen,
 * or written to a log, where it would do the same to whoever reads it with {@code cat}.
 */
public final class Visible {

    private Visible() {
    }

    /** Every control character shown as an escape, line breaks and tabs included (one table cell). */
    public static String inline(String s) {
        return escape(s, false);
    }

    /** The same, but line breaks and tabs kept (a multi-line message). */
    public static String text(String s) {
        return escape(s, true);
    }

    private static String escape(String s, boolean keepLayout) {
        if (s == null) {
            return null;
        }
        int i = 0;
        while (i < s.length() && !needs(s.charAt(i), keepLayout)) {
            i++;
        }
        if (i == s.length()) {
            return s; // the usual case: nothing to copy
        }
        StringBuilder sb = new StringBuilder(s.length() + 16).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!needs(c, keepLayout)) {
                sb.append(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c < 0x100) {
                sb.append(String.format("\\x%02x", (int) c));
            } else {
                sb.append(String.format("\\u%04x", (int) c));
            }
        }
        return sb.toString();
    }

    private static boolean needs(char c, boolean keepLayout) {
        if (c < 0x20) {
            return !(keepLayout && (c == '\n' || c == '\t' || c == '\r'));
        }
        return c == 0x7f || (c >= 0x80 && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
    }
}
