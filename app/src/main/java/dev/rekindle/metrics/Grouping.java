package dev.rekindle.metrics;

import dev.rekindle.i18n.Tr;
import java.util.Locale;

/** How {@code metrics --by} splits the figures. */
enum Grouping {
    NONE, MONTH, MEMBER_LEVEL, CITY, PROVINCE, CATEGORY;

    static Grouping parse(String value) {
        if (value == null || value.isBlank()) {
            return NONE;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new dev.rekindle.console.UsageException(Tr.f("--by must be month, member_level, city, province or category, got '%s'", value));
        }
    }

    /** The key of the group column in JSON and CSV. */
    String column() {
        return this == NONE ? "group" : name().toLowerCase(Locale.ROOT);
    }

    /** The group column as people read it: {@link #column()} in the interface language. */
    String heading() {
        return switch (this) {
            case NONE -> "group"; // never shown: no group column without --by
            case MONTH -> Tr.t("month");
            case MEMBER_LEVEL -> Tr.t("member_level");
            case CITY -> Tr.t("city");
            case PROVINCE -> Tr.t("province");
            case CATEGORY -> Tr.t("category");
        };
    }
}
