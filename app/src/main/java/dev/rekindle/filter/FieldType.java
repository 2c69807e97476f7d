package dev.rekindle.filter;

/** What values a field holds, which decides the comparisons it allows and how values are read. */
public enum FieldType {
    /** =, !=, <, <=, >, >=, in, between, is null. */
    NUMBER("a number"),
    /** As NUMBER; values are dates written 2024-06-01. */
    DATE("a date like 2024-06-01"),
    /** =, !=, in, is null. */
    TEXT("text"),
    /** One of a fixed set of values (with aliases): =, !=, in, is null. */
    CHOICE("one of a fixed set of values"),
    /** Used bare ({@code has_mobile}, {@code not has_email}) or compared with true/false. */
    BOOLEAN("true or false");

    final String description;

    FieldType(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
