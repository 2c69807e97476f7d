package dev.rekindle.console;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Labelled lines of a {@code … show} screen ({@code   status    SENT}) that fit {@link Table#SCREEN}: a long
 * value wraps under itself, and a value stored as JSON (a campaign's settings, a snapshot's) reads as
 * {@code key=value · key=value} instead of a raw dump.
 */
public final class Fields {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Fields() {
    }

    /** Appends {@code "  label  value"}, the value wrapped to the screen under its first column. */
    public static void line(StringBuilder sb, int labelWidth, String label, String value) {
        String indent = "  " + " ".repeat(labelWidth) + " ";
        int room = Math.max(20, Table.SCREEN - TextWidth.of(indent));
        List<String> lines = TextWidth.wrap(value == null ? "" : value, room);
        sb.append("  ").append(TextWidth.pad(label, labelWidth)).append(' ').append(lines.get(0)).append('\n');
        for (String l : lines.subList(1, lines.size())) sb.append(indent).append(l).append('\n');
    }

    /** A paragraph (a hint under a table) wrapped at spaces to fit the screen. */
    public static String paragraph(String text) {
        return String.join("\n", TextWidth.wrap(text, Table.SCREEN));
    }

    /**
     * A JSON object as {@code a=1 · b.c=x · d=[p, q]} (nested keys joined with dots, in stored order);
     * text that is not a JSON object is returned as it is.
     */
    public static String flatJson(String json) {
        if (json == null || !json.stripLeading().startsWith("{")) return json;
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            return json;
        }
        List<String> parts = new ArrayList<>();
        flatten("", root, parts);
        return String.join(" · ", parts);
    }

    private static void flatten(String prefix, JsonNode node, List<String> parts) {
        if (node.isObject() && !node.isEmpty()) {
            node.properties().forEach(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), parts));
        } else {
            parts.add(prefix + "=" + scalar(node));
        }
    }

    private static String scalar(JsonNode node) {
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(n -> items.add(n.isValueNode() ? n.asString() : n.toString()));
            return "[" + String.join(", ", items) + "]";
        }
        return node.isValueNode() ? node.asString() : node.toString();
    }
}
