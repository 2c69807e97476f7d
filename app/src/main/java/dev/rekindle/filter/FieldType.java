package dev.rekindle.filter;

import dev.rekindle.i18n.Tr;

/** What values a field holds, which decides the comparisons it allows and how values are read. */
public enum FieldType {
    /** =, !=, <, <=, >, >=, in, between, is null. */
    NUMBER,
    /** As NUMBER; values are dates written 2024-06-01. */
    DATE,
    /** =, !=, in, is null. */
    TEXT,
    /** One of a fixed set of values (with aliases): =, !=, in, is null. */
    CHOICE,
    /** Used bare ({@code has_mobile}, {@code not has_email}) or compared with true/false. */
    BOOLEAN;

    /** What the values are, for messages (in the interface language). */
    public String description() {
        return switch (this) {
            case NUMBER -> Tr.t("a number");
            case DATE -> Tr.t("a date like 2024-06-01");
            case TEXT -> Tr.t("text");
            case CHOICE -> Tr.t("one of a fixed set of values");
            case BOOLEAN -> Tr.t("true or false");
        };
    }
}
