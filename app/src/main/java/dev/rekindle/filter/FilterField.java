package dev.rekindle.filter;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One field of the customer view the filter language can test. Its SQL is written by the feature that
 * owns the data, over the aliases {@code c} (customers) and {@code cs} (the customer's snapshot row); it
 * must not contain operator text (values arrive as bound parameters).
 *
 * <pre>
 * FilterField.number("p_alive", "probability the customer is still a customer (0–1)",
 *         "(SELECT p.p_alive FROM predictions p WHERE p.customer_id = c.id)")
 * </pre>
 *
 * @param name        what operators type, lower case ({@code recency_days})
 * @param type        the kind of values
 * @param description one line for {@code segments fields}
 * @param nullable    whether the SQL can be NULL (then comparisons are made two-valued: unknown never matches
 *                    {@code =} or {@code <}, always matches {@code !=} and {@code not …})
 * @param argument    the argument(s) as help shows them, e.g. "CATEGORY, …"; null when the field takes none
 * @param choices     for CHOICE fields: the canonical values and how a typed value maps to one
 * @param ignoreCase  TEXT fields whose values compare without regard to case (the SQL must lower-case)
 * @param expression  the SQL of the field for a snapshot and the given arguments
 */
public record FilterField(String name, FieldType type, String description, boolean nullable, String argument,
        Choices choices, boolean ignoreCase, Expression expression) {

    /** Builds the field's SQL; {@code arguments} are the values in {@code field(…)} (empty when it takes none). */
    @FunctionalInterface
    public interface Expression {
        SqlFragment sql(FieldContext context, List<String> arguments);
    }

    /** The values of a CHOICE field: the canonical ones (shown in help) and a resolver for aliases. */
    public record Choices(List<String> values, Function<String, Optional<String>> resolve) {

        /** Canonical values, plus aliases mapping to them (matched case-insensitively). */
        public static Choices of(List<String> values, Map<String, String> aliases) {
            return new Choices(values, typed -> {
                String t = typed.trim();
                for (String v : values) {
                    if (v.equalsIgnoreCase(t)) return Optional.of(v);
                }
                for (Map.Entry<String, String> a : aliases.entrySet()) {
                    if (a.getKey().equalsIgnoreCase(t)) return Optional.of(a.getValue());
                }
                return Optional.empty();
            });
        }
    }

    public static FilterField number(String name, String description, String sql) {
        return of(name, FieldType.NUMBER, description, sql);
    }

    public static FilterField date(String name, String description, String sql) {
        return of(name, FieldType.DATE, description, sql);
    }

    public static FilterField text(String name, String description, String sql) {
        return of(name, FieldType.TEXT, description, sql);
    }

    public static FilterField choice(String name, String description, Choices choices, String sql) {
        return new FilterField(name, FieldType.CHOICE, description, true, null, choices, false, fixed(sql));
    }

    /** A true/false field; its SQL must itself be true or false, never NULL. */
    public static FilterField flag(String name, String description, String sql) {
        return new FilterField(name, FieldType.BOOLEAN, description, false, null, null, false, fixed(sql));
    }

    public static FilterField of(String name, FieldType type, String description, String sql) {
        return new FilterField(name, type, description, true, null, null, false, fixed(sql));
    }

    /** The SQL is never NULL: comparisons can stay plain (and use indexes). */
    public FilterField notNull() {
        return new FilterField(name, type, description, false, argument, choices, ignoreCase, expression);
    }

    /** Compare without regard to case; the field's SQL must return lower case. */
    public FilterField ignoringCase() {
        return new FilterField(name, type, description, nullable, argument, choices, true, expression);
    }

    /**
     * A field written {@code name(ARG, …)}, whose SQL depends on the arguments. The expression may throw
     * IllegalArgumentException with a message for the operator (e.g. a wrong number of arguments).
     */
    public FilterField withArguments(String argumentName, Expression sql) {
        return new FilterField(name, type, description, nullable, argumentName, choices, ignoreCase, sql);
    }

    public FilterField withExpression(Expression sql) {
        return new FilterField(name, type, description, nullable, argument, choices, ignoreCase, sql);
    }

    /** How help shows it: {@code bought(CATEGORY, …)} or {@code stage}. */
    public String signature() {
        return argument == null ? name : name + "(" + argument + ")";
    }

    private static Expression fixed(String sql) {
        return (ctx, args) -> SqlFragment.of(sql);
    }
}
