package dev.rekindle.console;

import dev.rekindle.i18n.Tr;
import java.util.Locale;

/** How list and report commands print: aligned text for people, JSON or CSV for scripts. */
public enum OutputFormat {
    TABLE, JSON, CSV;

    public static OutputFormat parse(String value) {
        if (value == null || value.isBlank()) {
            return TABLE;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException(Tr.f("--format must be table, json or csv, got '%s'", value));
        }
    }
}
