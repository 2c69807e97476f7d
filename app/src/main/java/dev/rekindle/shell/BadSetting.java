package dev.rekindle.shell;

import dev.rekindle.console.SettingOrigins;
import dev.rekindle.i18n.Tr;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.util.unit.DataSize;

/**
 * What to tell the operator when a setting cannot be bound: the key, the value, where it was set and what
 * it should look like, instead of Spring's "Failed to convert from type [java.lang.String]…" or a bare
 * {@code For input string: "abc"}. The console log is off, so this is all the operator sees.
 */
public final class BadSetting {

    private BadSetting() {
    }

    /** The explanation of the first binding failure in {@code e}; empty when it is none. */
    public static Optional<String> explain(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BindException b) {
                return Optional.of(explain(b));
            }
        }
        return Optional.empty();
    }

    private static String explain(BindException b) {
        ConfigurationProperty p = b.getProperty();
        String reason = reason(b);
        if (p == null) {
            // a record that checks its own values: its message names the key and the value
            return Tr.f("setting %s: %s — fix it where it is set (rekindle settings shows where).", b.getName(), reason);
        }
        return Tr.f("setting %s = '%s' (set in %s): %s", p.getName(), p.getValue(), SettingOrigins.describe(p.getOrigin()), reason);
    }

    private static String reason(BindException b) {
        Class<?> type = b.getTarget().getType().resolve(Object.class);
        if (type.isEnum()) {
            return Tr.f("must be one of %s", Arrays.stream(type.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT).replace('_', '-'))
                    .collect(Collectors.joining(", ")));
        }
        if (type == Duration.class) return Tr.t("must be a duration such as 200ms, 30s or 2m");
        if (type == DataSize.class) return Tr.t("must be a size such as 64KB or 512MB");
        if (type == ZoneId.class) return Tr.t("must be a time zone such as Asia/Shanghai");
        if (Number.class.isAssignableFrom(boxed(type))) return Tr.t("must be a number");
        if (type == Boolean.class || type == boolean.class) return Tr.t("must be true or false");
        Throwable root = b;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static Class<?> boxed(Class<?> type) {
        if (!type.isPrimitive()) return type;
        if (type == int.class) return Integer.class;
        if (type == long.class) return Long.class;
        if (type == double.class) return Double.class;
        if (type == float.class) return Float.class;
        if (type == short.class) return Short.class;
        if (type == byte.class) return Byte.class;
        return type;
    }
}
