package dev.rekindle.filter;

import dev.rekindle.i18n.Tr;

/** One lexical unit of a filter expression and where it starts (0-based). */
record Token(Kind kind, String text, int position) {

    enum Kind { WORD, NUMBER, DATE, STRING, OPERATOR, LPAREN, RPAREN, COMMA, END }

    boolean isKeyword(String keyword) {
        return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
    }

    boolean is(Kind k) {
        return kind == k;
    }

    /** How the token appears in messages. */
    String shown() {
        return kind == Kind.END ? Tr.t("the end") : kind == Kind.STRING ? "'" + text + "'" : "'" + text + "'";
    }
}
