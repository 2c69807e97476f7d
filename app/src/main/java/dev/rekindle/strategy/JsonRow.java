package dev.rekindle.strategy;

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
     * Where each of the n values lies, without decoding any: {@code at[k]} is the index of value k's first
     * character (its opening quote for a string), -1 for null. A renderer then decodes the few values a
     * template asks for with {@link #value}, not all of them.
     *
     * @throws IllegalArgumentException when the text is not such an array of n values
     */
    static int[] starts(String json, int n) {
        int[] at = new int[n];
        int len = json.length();
        int i = skipSpace(json, 0);
        if (i >= len || json.charAt(i) != '[') {
            throw bad(json);
        }
        i = skipSpace(json, i + 1);
        for (int k = 0; k < n; k++) {
            if (k > 0) {
                if (i >= len || json.charAt(i) != ',') {
                    throw bad(json);
                }
                i = skipSpace(json, i + 1);
            }
            if (i >= len) {
                throw bad(json);
            }
            char c = json.charAt(i);
            if (c == '"') {
                at[k] = i;
                i++;
                while (i < len && (c = json.charAt(i)) != '"') {
                    i += c == '\\' ? 2 : 1;
                }
                if (i >= len) {
                    throw bad(json);
                }
                i++;
            } else if (c == 'n') {
                if (!json.startsWith("null", i)) {
                    throw bad(json);
                }
                at[k] = -1;
                i += 4;
            } else {
                at[k] = i;
                int end = i;
                while (end < len && (c = json.charAt(end)) != ',' && c != ']' && c > ' ') {
                    end++;
                }
                if (end == i) {
                    throw bad(json);
                }
                i = end;
            }
            i = skipSpace(json, i);
        }
        if (i >= len || json.charAt(i) != ']') {
            throw bad(json);
        }
        return at;
    }

    /** The value starting at {@code start} (from {@link #starts}): a string unescaped, a number as its text, null for -1. */
    static String value(String json, int start) {
        if (start < 0) {
            return null;
        }
        if (json.charAt(start) != '"') {
            int end = start;
            char c;
            while (end < json.length() && (c = json.charAt(end)) != ',' && c != ']' && c > ' ') {
                end++;
            }
            return json.substring(start, end);
        }
        int end = start + 1;
        char c;
        while ((c = json.charAt(end)) != '"' && c != '\\') {
            end++;
        }
        if (c == '"') {
            return json.substring(start + 1, end);
        }
        StringBuilder sb = new StringBuilder(json.length() - start);
        unescape(json, start + 1, sb);
        return sb.toString();
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
        return new IllegalArgumentException("a packed customer row is not a flat JSON array (" + json.length() + " characters)");
    }
}
