package dev.rekindle.imports.source;

import dev.rekindle.i18n.Tr;
import dev.rekindle.console.UsageException;
import dev.rekindle.console.UserException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which column of a file holds which field: from {@code --map field=Column,…} first, then by recognising
 * the usual English and Chinese header names (Taobao, Tmall, Shopify, Excel templates). Header names are
 * compared without case, spaces and punctuation, so "订单编号 " and "Order ID" match.
 */
public final class Columns {

    private final String file;
    private final List<String> header;
    private final Map<String, Integer> byKey;
    private final Map<String, String> how;

    private Columns(String file, List<String> header, Map<String, Integer> byKey, Map<String, String> how) {
        this.file = file;
        this.header = header;
        this.byKey = byKey;
        this.how = how;
    }

    /**
     * @param fields   every field this import understands, in priority order for auto-mapping
     * @param required keys that must be found
     * @param map      the parsed {@code --map} (field key → column name or #N)
     */
    public static Columns resolve(String file, List<String> header, List<Field> fields, Set<String> required,
            Map<String, String> map) {
        Map<String, Field> known = new LinkedHashMap<>();
        fields.forEach(f -> known.put(f.key(), f));
        Map<String, Integer> byKey = new HashMap<>();
        Map<String, String> how = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : map.entrySet()) {
            if (!known.containsKey(e.getKey())) {
                throw new UsageException(Tr.f("--map: unknown field '%s'. Fields for this import: %s", e.getKey(),
                        String.join(", ", known.keySet())));
            }
            int index = find(header, e.getValue());
            if (index < 0) {
                throw new UserException(Tr.f("--map %1$s=%2$s: %3$s has no column '%2$s'. Its columns are: %4$s. "
                        + "(A column can also be given by position, e.g. %1$s=#3.)", e.getKey(), e.getValue(), file,
                        String.join(", ", header)));
            }
            if (!e.getValue().strip().startsWith("#")) {
                refuseDuplicate(file, header, index, known.get(e.getKey()));
            }
            byKey.put(e.getKey(), index);
            how.put(e.getKey(), header.get(index));
        }
        Set<Integer> taken = new java.util.HashSet<>(byKey.values());
        for (Field f : fields) {
            if (byKey.containsKey(f.key())) {
                continue;
            }
            for (String synonym : f.synonyms()) {
                int index = findNormalized(header, synonym, taken);
                if (index >= 0) {
                    refuseDuplicate(file, header, index, f);
                    byKey.put(f.key(), index);
                    how.put(f.key(), header.get(index));
                    taken.add(index);
                    break;
                }
            }
        }
        List<Field> missing = fields.stream().filter(f -> required.contains(f.key()) && !byKey.containsKey(f.key())).toList();
        if (!missing.isEmpty()) {
            throw new UserException(Tr.f("%s: no column found for %s.\nIts columns are: %s\nName them with --map, e.g. --map %s",
                    file, missing.stream().map(f -> Tr.f("%s (%s; looked for: %s)", f.key(), f.description(),
                            String.join(", ", f.synonyms().subList(0, Math.min(6, f.synonyms().size())))))
                            .collect(Collectors.joining("; ")),
                    String.join(", ", header), missing.stream().map(f -> f.key() + "=COLUMN").collect(Collectors.joining(","))));
        }
        return new Columns(file, header, byKey, how);
    }

    /**
     * Two columns with the same name (Total, Total) and a field would read one of them: which one is a
     * guess, so the operator says it by position. Duplicates no field reads are left alone.
     */
    private static void refuseDuplicate(String file, List<String> header, int index, Field field) {
        String n = normalize(header.get(index));
        List<Integer> same = new java.util.ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            if (normalize(header.get(i)).equals(n)) same.add(i + 1);
        }
        if (same.size() > 1) {
            throw new UserException(Tr.f("%s line 1: %d columns are named '%s' (columns %s), and %s (%s) would be read "
                    + "from one of them. Say which with --map %s=#%d (the column's position), or rename the other.",
                    file, same.size(), shortName(header.get(index)), same.stream().map(i -> "#" + i).collect(Collectors.joining(", ")),
                    field.key(), field.description(), field.key(), same.get(0)));
        }
    }

    private static String shortName(String name) {
        return name.length() > 40 ? name.substring(0, 40) + "…" : name;
    }

    /** "order_id=InvoiceNo,customer_id=CustomerID" → ordered map; empty for null or blank. */
    public static Map<String, String> parseMap(String spec) {
        Map<String, String> map = new LinkedHashMap<>();
        if (spec == null || spec.isBlank()) {
            return map;
        }
        for (String part : spec.split(",")) {
            if (part.isBlank()) continue;
            int eq = part.indexOf('=');
            if (eq <= 0 || eq == part.length() - 1) {
                throw new UsageException(Tr.f("--map takes field=Column pairs separated by commas, e.g. "
                        + "--map order_id=InvoiceNo,customer_id=CustomerID; got '%s'", part.strip()));
            }
            String key = part.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            if (map.put(key, part.substring(eq + 1).strip()) != null) {
                throw new UsageException(Tr.f("--map names the field '%s' twice", key));
            }
        }
        return map;
    }

    private static int find(List<String> header, String wanted) {
        String w = wanted.strip();
        if (w.matches("#\\d+")) {
            int n = Integer.parseInt(w.substring(1));
            return n >= 1 && n <= header.size() ? n - 1 : -1;
        }
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).equals(w)) return i;
        }
        return findNormalized(header, w, Set.of());
    }

    private static int findNormalized(List<String> header, String name, Set<Integer> taken) {
        String n = normalize(name);
        for (int i = 0; i < header.size(); i++) {
            if (!taken.contains(i) && normalize(header.get(i)).equals(n)) return i;
        }
        return -1;
    }

    /** Lower case, letters and digits only (CJK characters are letters). */
    public static String normalize(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isLetterOrDigit(c)) sb.append(Character.toLowerCase(c));
        }
        return sb.toString();
    }

    /** The keys of the fields the file has. */
    public java.util.Set<String> fields() {
        return java.util.Set.copyOf(byKey.keySet());
    }

    public boolean has(String key) {
        return byKey.containsKey(key);
    }

    /** The column index of a field, or -1 when the file has none. */
    public int index(String key) {
        return byKey.getOrDefault(key, -1);
    }

    /** The header name of a column, for messages. */
    public String name(int index) {
        return index >= 0 && index < header.size() && !header.get(index).isEmpty() ? header.get(index) : "#" + (index + 1);
    }

    public List<String> header() {
        return header;
    }

    public String file() {
        return file;
    }

    /** "order_id=订单编号, time=订单创建时间, …" as used, for the summary. */
    public String describe() {
        return how.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }
}
