package dev.rekindle.filter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Every field of the filter language, gathered from all {@link FilterFieldProvider} beans. */
@Component
public class FilterFields {

    private final Map<String, FilterField> byName = new LinkedHashMap<>();

    public FilterFields(List<FilterFieldProvider> providers) {
        for (FilterFieldProvider p : providers) {
            for (FilterField f : p.fields()) {
                String key = f.name().toLowerCase(Locale.ROOT);
                if (!key.matches("[a-z][a-z0-9_]*")) {
                    throw new IllegalStateException("filter field name '" + f.name() + "' must be lower-case letters, digits and _");
                }
                if (byName.putIfAbsent(key, f) != null) {
                    throw new IllegalStateException("two filter fields are named '" + f.name() + "' ("
                            + p.getClass().getName() + " adds the second)");
                }
            }
        }
    }

    public Optional<FilterField> find(String name) {
        return Optional.ofNullable(byName.get(name.toLowerCase(Locale.ROOT)));
    }

    /** In the order their providers declared them. */
    public List<FilterField> all() {
        return List.copyOf(byName.values());
    }

    /** The closest field name to a mistyped one, if it is close. */
    public Optional<String> closest(String typed) {
        String t = typed.toLowerCase(Locale.ROOT);
        List<String> names = new ArrayList<>(byName.keySet());
        return names.stream().min(Comparator.comparingInt(n -> distance(n, t)))
                .filter(n -> distance(n, t) <= Math.max(2, t.length() / 3));
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
