package dev.rekindle.filter;

import dev.rekindle.i18n.Tr;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Compiles a filter expression into a SQL condition over {@code c} (customers) and {@code cs} (their
 * snapshot row). Field SQL comes from the registry; every value the operator typed becomes a bound
 * parameter. Each condition is two-valued: a customer with no value for a field (no city, never bought)
 * does not match {@code city = 上海} and does match {@code city != 上海} and {@code not city = 上海}.
 */
@Component
public class FilterCompiler {

    private static final Set<String> TRUE_WORDS = Set.of("true", "yes", "1");
    private static final Set<String> FALSE_WORDS = Set.of("false", "no", "0");

    private final FilterFields fields;

    public FilterCompiler(FilterFields fields) {
        this.fields = fields;
    }

    /** Parses and checks without a snapshot (e.g. to validate before saving). */
    public void check(String expression) {
        compile(expression, new FieldContext(0, LocalDate.of(2000, 1, 1)));
    }

    public SqlFragment compile(String expression, FieldContext context) {
        FilterNode node = FilterParser.parse(expression);
        Builder b = new Builder(expression, context);
        b.node(node);
        return new SqlFragment(b.sql.toString(), b.params);
    }

    private final class Builder {
        final String text;
        final FieldContext context;
        final StringBuilder sql = new StringBuilder();
        final List<Object> params = new ArrayList<>();

        Builder(String text, FieldContext context) {
            this.text = text;
            this.context = context;
        }

        void node(FilterNode n) {
            if (n instanceof FilterNode.Or or) {
                join(or.parts(), " OR ");
            } else if (n instanceof FilterNode.And and) {
                join(and.parts(), " AND ");
            } else if (n instanceof FilterNode.Not not) {
                sql.append("NOT ");
                wrapped(not.inner());
            } else {
                predicate((FilterNode.Predicate) n);
            }
        }

        private void join(List<FilterNode> parts, String op) {
            sql.append('(');
            for (int i = 0; i < parts.size(); i++) {
                if (i > 0) sql.append(op);
                node(parts.get(i));
            }
            sql.append(')');
        }

        private void wrapped(FilterNode n) {
            sql.append('(');
            node(n);
            sql.append(')');
        }

        private void predicate(FilterNode.Predicate p) {
            FilterField f = field(p.field());
            checkOperator(f, p);
            List<String> args = p.field().arguments().stream().map(FilterNode.Value::text).toList();
            SqlFragment e;
            try {
                e = f.expression().sql(context, args);
            } catch (IllegalArgumentException ex) {
                throw new FilterException(f.signature() + ": " + ex.getMessage(), text, p.field().position());
            }
            FilterNode.Op op = p.op();
            if (f.type() == FieldType.BOOLEAN) {
                boolean wanted = op == FilterNode.Op.TRUTH || truth(f, p.values().get(0)) == (op == FilterNode.Op.EQ);
                sql.append(wanted ? "(" : "NOT (");
                append(e);
                sql.append(')');
                return;
            }
            switch (op) {
                case IS_NULL, IS_NOT_NULL -> {
                    sql.append('(');
                    append(e);
                    sql.append(op == FilterNode.Op.IS_NULL ? " IS NULL)" : " IS NOT NULL)");
                }
                case NE, NOT_IN, NOT_BETWEEN -> {
                    sql.append("NOT ");
                    positive(f, e, op == FilterNode.Op.NE ? FilterNode.Op.EQ : op == FilterNode.Op.NOT_IN
                            ? FilterNode.Op.IN : FilterNode.Op.BETWEEN, p.values());
                }
                default -> positive(f, e, op, p.values());
            }
        }

        /** A comparison that is true, or false when the field has no value (never NULL). */
        private void positive(FilterField f, SqlFragment e, FilterNode.Op op, List<FilterNode.Value> values) {
            sql.append('(');
            append(e);
            switch (op) {
                case EQ, LT, LE, GT, GE -> {
                    sql.append(' ').append(op == FilterNode.Op.EQ ? "=" : op.shown).append(" ?");
                    params.add(value(f, values.get(0)));
                }
                case IN -> {
                    sql.append(" IN (").append(values.stream().map(v -> "?").collect(Collectors.joining(", "))).append(')');
                    values.forEach(v -> params.add(value(f, v)));
                }
                case BETWEEN -> {
                    sql.append(" BETWEEN ? AND ?");
                    params.add(value(f, values.get(0)));
                    params.add(value(f, values.get(1)));
                }
                default -> throw new IllegalStateException(op.name());
            }
            sql.append(f.nullable() ? ") IS TRUE" : ")");
        }

        private void append(SqlFragment e) {
            sql.append(e.sql());
            params.addAll(e.params());
        }

        private FilterField field(FilterNode.FieldRef ref) {
            FilterField f = fields.find(ref.name()).orElseThrow(() -> new FilterException(fields.closest(ref.name())
                    .map(n -> Tr.f("unknown field '%s' (did you mean %s?); 'segments fields' lists them all", ref.name(), n))
                    .orElseGet(() -> Tr.f("unknown field '%s'; 'segments fields' lists them all", ref.name())), text, ref.position()));
            if (f.argument() == null && !ref.arguments().isEmpty()) {
                throw new FilterException(Tr.f("%s takes no arguments", f.name()), text, ref.position());
            }
            if (f.argument() != null && ref.arguments().isEmpty()) {
                throw new FilterException(Tr.f("%s needs its argument: %s", f.name(), f.signature()),
                        text, ref.position());
            }
            return f;
        }

        private void checkOperator(FilterField f, FilterNode.Predicate p) {
            FilterNode.Op op = p.op();
            boolean ok = switch (f.type()) {
                case NUMBER, DATE -> op != FilterNode.Op.TRUTH;
                case TEXT, CHOICE -> Set.of(FilterNode.Op.EQ, FilterNode.Op.NE, FilterNode.Op.IN, FilterNode.Op.NOT_IN,
                        FilterNode.Op.IS_NULL, FilterNode.Op.IS_NOT_NULL).contains(op);
                case BOOLEAN -> op == FilterNode.Op.TRUTH || op == FilterNode.Op.EQ || op == FilterNode.Op.NE;
            };
            if (ok) {
                return;
            }
            String how = switch (f.type()) {
                case NUMBER, DATE -> Tr.f("compare it, e.g. %s >= %s", f.signature(), f.type() == FieldType.DATE ? "2024-06-01" : "4");
                case TEXT, CHOICE -> Tr.f("it is %s: use =, !=, in (…) or is null", f.type().description());
                case BOOLEAN -> Tr.f("it is true or false: write %s or not %s", f.signature(), f.signature());
            };
            throw new FilterException(op == FilterNode.Op.TRUTH ? Tr.f("%s alone is not a condition: %s", f.name(), how)
                    : Tr.f("'%s' does not apply to %s: %s", op.shown, f.name(), how), text, p.position());
        }

        private boolean truth(FilterField f, FilterNode.Value v) {
            String t = v.text().toLowerCase(Locale.ROOT);
            if (TRUE_WORDS.contains(t)) return true;
            if (FALSE_WORDS.contains(t)) return false;
            throw new FilterException(Tr.f("%s is true or false, got '%s'", f.name(), v.text()), text, v.position());
        }

        private Object value(FilterField f, FilterNode.Value v) {
            return switch (f.type()) {
                case NUMBER -> number(f, v);
                case DATE -> date(f, v);
                case TEXT -> f.ignoreCase() ? v.text().toLowerCase(Locale.ROOT) : v.text();
                case CHOICE -> f.choices().resolve().apply(v.text()).orElseThrow(() -> new FilterException(
                        Tr.f("%s has no value '%s': use one of %s", f.name(), v.text(), String.join(", ", f.choices().values())),
                        text, v.position()));
                case BOOLEAN -> throw new IllegalStateException();
            };
        }

        private Object number(FilterField f, FilterNode.Value v) {
            if (v.kind() == Token.Kind.NUMBER || v.kind() == Token.Kind.STRING) {
                try {
                    BigDecimal d = new BigDecimal(v.text().trim());
                    return d.scale() <= 0 || d.stripTrailingZeros().scale() <= 0 ? (Object) d.longValueExact() : d.doubleValue();
                } catch (NumberFormatException | ArithmeticException e) {
                    // fall through to the message
                }
            }
            throw new FilterException(Tr.f("%s takes a number, got '%s'", f.name(), v.text()), text, v.position());
        }

        private Object date(FilterField f, FilterNode.Value v) {
            if (v.kind() == Token.Kind.DATE || v.kind() == Token.Kind.STRING) {
                try {
                    return LocalDate.parse(v.text().trim()).toString();
                } catch (DateTimeParseException e) {
                    throw new FilterException(Tr.f("'%s' is not a date (YYYY-MM-DD)", v.text()), text, v.position());
                }
            }
            throw new FilterException(Tr.f("%s takes a date like 2024-06-01, got '%s'", f.name(), v.text()), text, v.position());
        }
    }
}
