package dev.rekindle.metrics;

import java.util.Locale;

/** How {@code metrics --by} splits the figures. */
enum Grouping {
    NONE, MONTH, MEMBER_LEVEL, CITY, CATEGORY;

    static Grouping parse(String value) {
        if (value == null || value.isBlank()) {
            return NONE;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new dev.rekindle.shell.UsageException("--by must be month, member_level, city or category, got '" + value + "'");
        }
    }

    String column() {
        return this == NONE ? "group" : name().toLowerCase(Locale.ROOT);
    }
}
