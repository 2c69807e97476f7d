package dev.rekindle.strategy;

import java.nio.charset.StandardCharsets;

/**
 * Splits the flat JSON array a reader query packs a row into ({@code json_array(...)}: strings, numbers
 * and nulls, no nesting) into its values: a string unescaped, a number as its text, null as null.
 * One text column per row instead of twenty-odd: sqlite-jdbc pays a native call per column, and
 * json_array builds its text in one buffer where a chain of {@code ||} allocates at every step.
 */
final class JsonRow {

    private JsonRow() {
    }

    /**
     * @param n the number of values expected
     * @throws IllegalArgumentException when the text is not such an array of n values
     */
    static String[] parse(String json, int n) {
        String[] out = new String[n];
        int i = skipSpace(json, 0);
        if (i >= json.length() || json.charAt(i) != '[') {
            throw bad(json);
        }
        i = skipSpace(json, i + 1);
        for (int k = 0; k < n; k++) {
            if (k > 0) {
                if (i >= json.length() || json.charAt(i) != ',') {
                    throw bad(json);
                }
                i = skipSpace(json, i + 1);
            }
            if (i >= json.length()) {
                throw bad(json);
            }
            char c = json.charAt(i);
            if (c == '"') {
                int end = i + 1;
                while (end < json.length() && json.charAt(end) != '"' && json.charAt(end) != '\\') {
                    end++;
                }
                if (end < json.length() && json.charAt(end) == '"') {
                    out[k] = json.substring(i + 1, end); // the usual case: nothing escaped
                    i = end + 1;
                } else {
                    StringBuilder sb = new StringBuilder(json.length() - i);
                    i = unescape(json, i + 1, sb);
                    out[k] = sb.toString();
                }
            } else if (json.startsWith("null", i)) {
                i += 4;
            } else {
                int end = i;
                while (end < json.length() && json.charAt(end) != ',' && json.charAt(end) != ']' && json.charAt(end) > ' ') {
                    end++;
                }
                if (end == i) {
                    throw bad(json);
                }
                out[k] = json.substring(i, end);
                i = end;
            }
            i = skipSpace(json, i);
        }
        if (i >= json.length() || json.charAt(i) != ']') {
            throw bad(json);
        }
        return out;
    }

    /**
     * Where each of the n values lies in the row's UTF-8 bytes, without decoding any: {@code at[k]} is the
     * index of value k's first byte (its opening quote for a string), -1 for null. A renderer then decodes
     * the few values a template asks for with {@link #value}. Bytes, not a String: sqlite-jdbc hands text
     * over through a direct buffer and two copies, a blob in one (UTF-8 continuation bytes are never
     * quotes, commas or backslashes, so the structure is found byte by byte).
     *
     * @throws IllegalArgumentException when the bytes are not such an array of n values
     */
    static int[] starts(byte[] json, int n) {
        int[] at = new int[n];
        if (skipSpace(json, parse(json, 0, json.length, at, n), json.length) != json.length) {
            throw bad(json.length);
        }
        return at;
    }

    /**
     * The starts of the n values of the row beginning at {@code from} in rows read a chunk at a time as one
     * text, a row per line (JSON text never holds a raw line break: json_array escapes it), found in one
     * pass: {@code at[n]} is where the row's line ends (its line break, or the end of the text).
     */
    static int[] startsOfLine(byte[] json, int from, int n) {
        int[] at = new int[n + 1];
        int end = parse(json, from, json.length, at, n);
        if (end < json.length && json[end] != '\n') {
            throw bad(end - from);
        }
        at[n] = end;
        return at;
    }

    /** Fills at[0, n) for the array starting at {@code from}; returns the index after its closing bracket. */
    private static int parse(byte[] json, int from, int to, int[] at, int n) {
        int i = skipSpace(json, from, to);
        if (i >= to || json[i] != '[') {
            throw bad(to - from);
        }
        i = skipSpace(json, i + 1, to);
        for (int k = 0; k < n; k++) {
            if (k > 0) {
                if (i >= to || json[i] != ',') {
                    throw bad(to - from);
                }
                i = skipSpace(json, i + 1, to);
            }
            if (i >= to) {
                throw bad(to - from);
            }
            byte c = json[i];
            if (c == '"') {
                at[k] = i;
                i = closingQuote(json, i, to) + 1;
            } else if (c == 'n') {
                if (i + 4 > to || json[i + 1] != 'u' || json[i + 2] != 'l' || json[i + 3] != 'l') {
                    throw bad(to - from);
                }
                at[k] = -1;
                i += 4;
            } else {
                at[k] = i;
                int end = numberEnd(json, i, to);
                if (end == i) {
                    throw bad(to - from);
                }
                i = end;
            }
            i = skipSpace(json, i, to);
        }
        if (i >= to || json[i] != ']') {
            throw bad(to - from);
        }
        return i + 1;
    }

    /** The value starting at {@code start} (from {@link #starts}): a string unescaped, a number as its text, null for -1. */
    static String value(byte[] json, int start) {
        if (start < 0) {
            return null;
        }
        if (json[start] != '"') {
            return new String(json, start, numberEnd(json, start, json.length) - start, StandardCharsets.ISO_8859_1);
        }
        int end = closingQuote(json, start, json.length);
        for (int i = start + 1; i < end; i++) {
            if (json[i] == '\\') { // rare: decode, then unescape as text
                String quoted = new String(json, start, end + 1 - start, StandardCharsets.UTF_8);
                StringBuilder sb = new StringBuilder(quoted.length());
                unescape(quoted, 1, sb);
                return sb.toString();
            }
        }
        return new String(json, start + 1, end - start - 1, StandardCharsets.UTF_8);
    }

    /**
     * The whole number starting at {@code start} (from {@link #starts}), without making a String of it: a
     * customer id, read once per row. Anything but up to 18 plain digits goes to {@link Long#parseLong}.
     */
    static long longValue(byte[] json, int start) {
        boolean negative = start >= 0 && json[start] == '-';
        int first = negative ? start + 1 : start;
        int end = start < 0 ? start : numberEnd(json, first, json.length);
        if (end == first || end - first > 18) { // null, empty or long: Long.parseLong decides, and says why
            return Long.parseLong(value(json, start));
        }
        long v = 0;
        for (int i = first; i < end; i++) {
            int digit = json[i] - '0';
            if (digit < 0 || digit > 9) {
                return Long.parseLong(value(json, start));
            }
            v = v * 10 + digit;
        }
        return negative ? -v : v;
    }

    private static int closingQuote(byte[] json, int open, int to) {
        int i = open + 1;
        while (i < to && json[i] != '"') {
            i += json[i] == '\\' ? 2 : 1;
        }
        if (i >= to) {
            throw bad(to - open);
        }
        return i;
    }

    private static int numberEnd(byte[] json, int i, int to) {
        byte c;
        while (i < to && (c = json[i]) != ',' && c != ']' && c > ' ') {
            i++;
        }
        return i;
    }

    private static int skipSpace(byte[] s, int i, int to) {
        while (i < to && s[i] >= 0 && s[i] <= ' ') {
            i++;
        }
        return i;
    }

    /** Reads a string body from {@code i} (after the opening quote); returns the index after the closing quote. */
    private static int unescape(String s, int i, StringBuilder sb) {
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c == '"') {
                return i;
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (i >= s.length()) {
                break;
            }
            char e = s.charAt(i++);
            switch (e) {
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    if (i + 4 > s.length()) {
                        throw bad(s);
                    }
                    sb.append((char) Integer.parseInt(s, i, i + 4, 16));
                    i += 4;
                }
                default -> sb.append(e); // \" \\ \/
            }
        }
        throw bad(s);
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && s.charAt(i) <= ' ') {
            i++;
        }
        return i;
    }

    /** Says where, not what: the row holds contact data, which must not reach a log. */
    private static IllegalArgumentException bad(String json) {
        return bad(json.length());
    }

    private static IllegalArgumentException bad(int length) {
        return new IllegalArgumentException("a packed customer row is not a flat JSON array (" + length + " characters)");
    }
}
