package dev.rekindle.filter;

import java.util.List;

/** The parsed form of a filter expression. */
sealed interface FilterNode {

    record Or(List<FilterNode> parts) implements FilterNode {
    }

    record And(List<FilterNode> parts) implements FilterNode {
    }

    record Not(FilterNode inner) implements FilterNode {
    }

    /** {@code field op values}; a bare boolean field has op TRUTH and no values. */
    record Predicate(FieldRef field, Op op, List<Value> values, int position) implements FilterNode {
    }

    /** A field, with its arguments when it takes some: {@code bought(美妆护肤, 母婴用品)}. */
    record FieldRef(String name, List<Value> arguments, int position) {
    }

    /** A literal as written; the field it is compared with decides what it must be. */
    record Value(Token.Kind kind, String text, int position) {
    }

    enum Op {
        EQ("="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="), IN("in"), NOT_IN("not in"),
        BETWEEN("between"), NOT_BETWEEN("not between"), IS_NULL("is null"), IS_NOT_NULL("is not null"), TRUTH("");

        final String shown;

        Op(String shown) {
            this.shown = shown;
        }
    }
}
