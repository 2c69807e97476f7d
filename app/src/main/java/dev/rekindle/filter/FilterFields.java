package dev.rekindle.filter;

import dev.rekindle.console.DidYouMean;
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
        return DidYouMean.closest(List.copyOf(byName.keySet()), typed.toLowerCase(Locale.ROOT));
    }
}
