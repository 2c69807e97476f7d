package dev.rekindle.i18n;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A translation catalog in the PO format translators know: {@code msgid "English"} then
 * {@code msgstr "中文"}, C escapes ({@code \n \t \" \\}), a string may continue on following
 * {@code "…"} lines, {@code #} lines are comments. Entries with an empty msgstr are untranslated.
 */
public final class Catalog {

    private final Map<String, String> entries;

    private Catalog(Map<String, String> entries) {
        this.entries = entries;
    }

    public static Catalog empty() {
        return new Catalog(Map.of());
    }

    /** The catalog on the class path, e.g. {@code /i18n/zh.po}; empty when there is none. */
    public static Catalog load(String resource) {
        InputStream in = Catalog.class.getResourceAsStream(resource);
        if (in == null) {
            return empty();
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return parse(r, resource);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /**
     * Several catalogs as one. The first translation of a text wins, so that a slip never stops the app;
     * {@link #conflicts} lists texts translated differently in two catalogs (a test keeps that list empty).
     */
    public static Catalog loadAll(String... resources) {
        Map<String, String> all = new LinkedHashMap<>();
        for (String r : resources) {
            load(r).entries.forEach(all::putIfAbsent);
        }
        return new Catalog(all);
    }

    /** Texts that two of these catalogs translate differently: "text: first ≠ second". */
    public static java.util.List<String> conflicts(String... resources) {
        Map<String, String> seen = new LinkedHashMap<>();
        java.util.List<String> conflicts = new java.util.ArrayList<>();
        for (String r : resources) {
            load(r).entries.forEach((k, v) -> {
                String before = seen.putIfAbsent(k, v);
                if (before != null && !before.equals(v)) {
                    conflicts.add(r + ": '" + k + "': " + before + " ≠ " + v);
                }
            });
        }
        return conflicts;
    }

    static Catalog parse(BufferedReader r, String name) throws IOException {
        Map<String, String> map = new LinkedHashMap<>();
        StringBuilder id = null;
        StringBuilder str = null;
        StringBuilder current = null;
        String line;
        int n = 0;
        while ((line = r.readLine()) != null) {
            n++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            if (t.startsWith("msgid ")) {
                put(map, id, str);
                id = new StringBuilder(unquote(t.substring(6), name, n));
                str = null;
                current = id;
            } else if (t.startsWith("msgstr ")) {
                if (id == null) throw new IllegalStateException(name + " line " + n + ": msgstr without msgid");
                str = new StringBuilder(unquote(t.substring(7), name, n));
                current = str;
            } else if (t.startsWith("\"") && current != null) {
                current.append(unquote(t, name, n));
            } else {
                throw new IllegalStateException(name + " line " + n + ": expected msgid, msgstr or a quoted string");
            }
        }
        put(map, id, str);
        return new Catalog(map);
    }

    private static void put(Map<String, String> map, StringBuilder id, StringBuilder str) {
        if (id != null && str != null && !str.isEmpty()) {
            map.put(id.toString(), str.toString());
        }
    }

    private static String unquote(String quoted, String name, int line) {
        String q = quoted.strip();
        if (q.length() < 2 || q.charAt(0) != '"' || q.charAt(q.length() - 1) != '"') {
            throw new IllegalStateException(name + " line " + line + ": a string must be in double quotes");
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i < q.length() - 1; i++) {
            char c = q.charAt(i);
            if (c == '\\' && i + 1 < q.length() - 1) {
                char e = q.charAt(++i);
                sb.append(switch (e) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> e;
                });
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The translation of {@code english}, or null when the catalog has none. */
    public String get(String english) {
        return entries.get(english);
    }

    public Map<String, String> entries() {
        return entries;
    }

    /** Quotes a string for a PO file (used to print missing entries for the translator). */
    public static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t") + "\"";
    }
}
