package dev.rekindle.filter;

import dev.rekindle.i18n.Tr;
import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser of the filter language:
 * <pre>
 * expr      = and { "or" and }
 * and       = unary { "and" unary }
 * unary     = "not" unary | "(" expr ")" | predicate
 * predicate = field [ cmp value | ["not"] "in" "(" value {"," value} ")"
 *                   | ["not"] "between" value "and" value | "is" ["not"] "null" ]
 * field     = word [ "(" value {"," value} ")" ]
 * cmp       = "=" | "==" | "!=" | "<>" | "<" | "<=" | ">" | ">="
 * value     = number | date | 'text' | "text" | word
 * </pre>
 * Keywords are case-insensitive. The right side of a comparison is always a value, never a field, so bare
 * words such as {@code silent} or {@code 上海} need no quotes.
 */
final class FilterParser {

    private static final List<String> KEYWORDS = List.of("and", "or", "not", "in", "between", "is", "null");

    /**
     * Limits that keep every accepted filter runnable: SQLite refuses expressions nested deeper than 1,000
     * (a chain of N conditions nests N deep), and this parser recurses once per parenthesis or 'not'.
     */
    static final int MAX_LENGTH = 50_000;
    static final int MAX_NESTING = 50;
    static final int MAX_CONDITIONS = 500;
    static final int MAX_VALUES = 10_000;

    private final String text;
    private final List<Token> tokens;
    private int next;
    private int nesting;
    private int conditions;
    private int values;

    private FilterParser(String text) {
        this.text = text;
        this.tokens = FilterLexer.tokenize(text);
    }

    static FilterNode parse(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new FilterException(Tr.t("the filter is empty: write a condition such as stage = silent"),
                    expression == null ? "" : expression, 0);
        }
        if (expression.length() > MAX_LENGTH) {
            throw new FilterException(Tr.f("the filter is %,d characters long; the limit is %,d. Split it into saved "
                    + "segments, or use in (…) lists", expression.length(), MAX_LENGTH), expression, 0);
        }
        FilterParser p = new FilterParser(expression);
        FilterNode node = p.or();
        Token t = p.peek();
        if (!t.is(Token.Kind.END)) {
            throw p.error(t.is(Token.Kind.RPAREN) ? Tr.t("this ')' has no matching '('")
                    : Tr.f("expected 'and', 'or' or the end, found %s", t.shown()), t);
        }
        return node;
    }

    private FilterNode or() {
        List<FilterNode> parts = new ArrayList<>(List.of(and()));
        while (peek().isKeyword("or")) {
            next++;
            parts.add(and());
        }
        return parts.size() == 1 ? parts.get(0) : new FilterNode.Or(parts);
    }

    private FilterNode and() {
        List<FilterNode> parts = new ArrayList<>(List.of(unary()));
        while (peek().isKeyword("and")) {
            next++;
            parts.add(unary());
        }
        return parts.size() == 1 ? parts.get(0) : new FilterNode.And(parts);
    }

    private FilterNode unary() {
        Token t = peek();
        if (t.isKeyword("not") || t.is(Token.Kind.LPAREN)) {
            if (++nesting > MAX_NESTING) {
                throw error(Tr.f("the filter nests parentheses or 'not' more than %d deep here; write it flatter", MAX_NESTING), t);
            }
            try {
                return nested(t);
            } finally {
                nesting--;
            }
        }
        return predicate();
    }

    private FilterNode nested(Token t) {
        if (t.isKeyword("not")) {
            next++;
            return new FilterNode.Not(unary());
        }
        {
            next++;
            FilterNode inner = or();
            Token close = peek();
            if (!close.is(Token.Kind.RPAREN)) {
                throw error(Tr.f("expected ')' to close the '(' at position %d, found %s", t.position() + 1, close.shown()), close);
            }
            next++;
            return inner;
        }
    }

    private FilterNode predicate() {
        Token name = peek();
        if (++conditions > MAX_CONDITIONS) {
            throw error(Tr.f("the filter has more than %d conditions; SQLite cannot run it. Use in (…) lists, or "
                    + "split it into saved segments", MAX_CONDITIONS), name);
        }
        if (!name.is(Token.Kind.WORD) || isKeyword(name)) {
            throw error(name.is(Token.Kind.END) ? Tr.t("the filter ends too early: expected a field such as stage, r or city")
                    : Tr.f("expected a field such as stage, r or city, found %s", name.shown()), name);
        }
        next++;
        List<FilterNode.Value> args = List.of();
        if (peek().is(Token.Kind.LPAREN)) {
            next++;
            args = valueList(name.text() + "(…)");
        }
        FilterNode.FieldRef field = new FilterNode.FieldRef(name.text(), args, name.position());
        Token t = peek();
        if (t.is(Token.Kind.OPERATOR)) {
            next++;
            FilterNode.Op op = switch (t.text()) {
                case "=", "==" -> FilterNode.Op.EQ;
                case "!=", "<>" -> FilterNode.Op.NE;
                case "<" -> FilterNode.Op.LT;
                case "<=" -> FilterNode.Op.LE;
                case ">" -> FilterNode.Op.GT;
                default -> FilterNode.Op.GE;
            };
            return new FilterNode.Predicate(field, op, List.of(value(Tr.f("after '%s'", t.text()))), t.position());
        }
        boolean negated = false;
        if (t.isKeyword("not") && (peek(1).isKeyword("in") || peek(1).isKeyword("between"))) {
            next++;
            negated = true;
            t = peek();
        }
        if (t.isKeyword("in")) {
            next++;
            Token open = peek();
            if (!open.is(Token.Kind.LPAREN)) {
                throw error(Tr.t("expected '(' after 'in', e.g. segment in (important_keep, important_retain)"), open);
            }
            next++;
            return new FilterNode.Predicate(field, negated ? FilterNode.Op.NOT_IN : FilterNode.Op.IN, valueList("in (…)"), t.position());
        }
        if (t.isKeyword("between")) {
            next++;
            FilterNode.Value low = value(Tr.f("after '%s'", "between"));
            Token and = peek();
            if (!and.isKeyword("and")) {
                throw error(Tr.f("expected 'and' in 'between LOW and HIGH', found %s", and.shown()), and);
            }
            next++;
            FilterNode.Value high = value(Tr.f("after '%s'", "between " + low.text() + " and"));
            return new FilterNode.Predicate(field, negated ? FilterNode.Op.NOT_BETWEEN : FilterNode.Op.BETWEEN,
                    List.of(low, high), t.position());
        }
        if (t.isKeyword("is")) {
            next++;
            boolean not = false;
            if (peek().isKeyword("not")) {
                next++;
                not = true;
            }
            Token nul = peek();
            if (!nul.isKeyword("null")) {
                throw error(Tr.f("expected 'null' after '%s'", not ? "is not" : "is"), nul);
            }
            next++;
            return new FilterNode.Predicate(field, not ? FilterNode.Op.IS_NOT_NULL : FilterNode.Op.IS_NULL, List.of(), t.position());
        }
        // a bare field: true/false fields such as has_mobile or bought(…)
        return new FilterNode.Predicate(field, FilterNode.Op.TRUTH, List.of(), name.position());
    }

    private List<FilterNode.Value> valueList(String where) {
        List<FilterNode.Value> values = new ArrayList<>();
        if (peek().is(Token.Kind.RPAREN)) {
            throw error(Tr.f("the list in %s is empty", where), peek());
        }
        while (true) {
            values.add(value(Tr.f("in %s", where)));
            Token t = peek();
            if (t.is(Token.Kind.COMMA)) {
                next++;
            } else if (t.is(Token.Kind.RPAREN)) {
                next++;
                return values;
            } else {
                throw error(Tr.f("expected ',' or ')' in %s, found %s", where, t.shown()), t);
            }
        }
    }

    private FilterNode.Value value(String where) {
        Token t = peek();
        if (++values > MAX_VALUES) {
            throw error(Tr.f("the filter has more than %,d values", MAX_VALUES), t);
        }
        boolean ok = switch (t.kind()) {
            case NUMBER, DATE, STRING -> true;
            case WORD -> !isKeyword(t) || t.isKeyword("null");
            default -> false;
        };
        if (!ok || t.isKeyword("null")) {
            throw error(t.is(Token.Kind.END) ? Tr.f("the filter ends too early: expected a value %s", where)
                    : t.isKeyword("null") ? Tr.t("use 'is null' / 'is not null' to test for a missing value")
                    : Tr.f("expected a value %s, found %s", where, t.shown()), t);
        }
        next++;
        return new FilterNode.Value(t.kind(), t.text(), t.position());
    }

    private static boolean isKeyword(Token t) {
        return t.is(Token.Kind.WORD) && KEYWORDS.contains(t.text().toLowerCase(java.util.Locale.ROOT));
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(next + ahead, tokens.size() - 1));
    }

    private FilterException error(String problem, Token at) {
        return new FilterException(problem, text, at.position());
    }
}
