package dev.rekindle.api.http;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON request body built in code, correctly escaped, with no library in the plugin jar:
 *
 * <pre>{@code
 * String body = JsonBody.object()
 *         .put("msgtype", "text")
 *         .put("text", JsonBody.object().put("content", m.text()))
 *         .put("at", JsonBody.object().put("atMobiles", List.of()).put("isAtAll", false))
 *         .toJson();
 * }</pre>
 * Values may be text, numbers, booleans, null, nested {@code JsonBody} objects, lists and maps of those.
 * Keys keep their order.
 */
public final class JsonBody {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    private JsonBody() {
    }

    public static JsonBody object() {
        return new JsonBody();
    }

    public JsonBody put(String key, Object value) {
        check(value);
        fields.put(key, value);
        return this;
    }

    /** Like {@link #put} but leaves the key out when the value is null. */
    public JsonBody putIfPresent(String key, Object value) {
        return value == null ? this : put(key, value);
    }

    public String toJson() {
        StringBuilder sb = new StringBuilder();
        write(sb, this);
        return sb.toString();
    }

    @Override
    public String toString() {
        return toJson();
    }

    /** A JSON string literal, quotes included: {@code 他说"好"} → {@code "他说\"好\""}. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\u2028' -> sb.append("\\u2028");
                case '\u2029' -> sb.append("\\u2029");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.append('"').toString();
    }

    private static void check(Object v) {
        if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean || v instanceof JsonBody) return;
        if (v instanceof Collection<?> c) {
            c.forEach(JsonBody::check);
            return;
        }
        if (v instanceof Map<?, ?> m) {
            m.values().forEach(JsonBody::check);
            return;
        }
        throw new IllegalArgumentException("not a JSON value: " + v.getClass().getName());
    }

    private static void write(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String s) {
            sb.append(quote(s));
        } else if (v instanceof Double d && (d.isNaN() || d.isInfinite()) || v instanceof Float f && (f.isNaN() || f.isInfinite())) {
            throw new IllegalArgumentException("JSON has no NaN or infinity");
        } else if (v instanceof Number || v instanceof Boolean) {
            sb.append(v);
        } else if (v instanceof JsonBody o) {
            writeObject(sb, o.fields);
        } else if (v instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, x) -> copy.put(String.valueOf(k), x));
            writeObject(sb, copy);
        } else if (v instanceof Collection<?> c) {
            List<Object> items = new ArrayList<>(c);
            sb.append('[');
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) sb.append(',');
                write(sb, items.get(i));
            }
            sb.append(']');
        }
    }

    private static void writeObject(StringBuilder sb, Map<String, Object> fields) {
        sb.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            if (!first) sb.append(',');
            first = false;
            sb.append(quote(e.getKey())).append(':');
            write(sb, e.getValue());
        }
        sb.append('}');
    }
}
