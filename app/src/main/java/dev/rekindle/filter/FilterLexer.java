package dev.rekindle.filter;

import dev.rekindle.i18n.Tr;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an expression into tokens: words (field names, keywords, bare values such as {@code silent} or
 * {@code 上海}), numbers, dates ({@code 2024-06-01}), quoted strings ('…' or "…", a doubled quote stands for
 * itself), comparison operators, parentheses and commas.
 */
final class FilterLexer {

    private FilterLexer() {
    }

    static List<Token> tokenize(String s) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(') {
                tokens.add(new Token(Token.Kind.LPAREN, "(", i++));
            } else if (c == ')') {
                tokens.add(new Token(Token.Kind.RPAREN, ")", i++));
            } else if (c == ',' || c == '，') {
                tokens.add(new Token(Token.Kind.COMMA, ",", i++));
            } else if (c == '\'' || c == '"') {
                i = string(s, i, tokens);
            } else if ("=!<>".indexOf(c) >= 0) {
                i = operator(s, i, tokens);
            } else if (Character.isDigit(c) || (c == '-' || c == '.') && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1))) {
                i = number(s, i, tokens);
            } else if (isWordChar(c)) {
                int start = i;
                while (i < s.length() && isWordChar(s.charAt(i))) i++;
                tokens.add(new Token(Token.Kind.WORD, s.substring(start, i), start));
            } else {
                throw new FilterException(Tr.f("unexpected character '%s'", c), s, i);
            }
        }
        tokens.add(new Token(Token.Kind.END, "", s.length()));
        return tokens;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static int string(String s, int i, List<Token> tokens) {
        char quote = s.charAt(i);
        int start = i++;
        StringBuilder sb = new StringBuilder();
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == quote) {
                if (i + 1 < s.length() && s.charAt(i + 1) == quote) {
                    sb.append(quote);
                    i += 2;
                    continue;
                }
                tokens.add(new Token(Token.Kind.STRING, sb.toString(), start));
                return i + 1;
            }
            sb.append(c);
            i++;
        }
        throw new FilterException(Tr.f("the text started here has no closing %s", quote), s, start);
    }

    private static int operator(String s, int i, List<Token> tokens) {
        String two = i + 1 < s.length() ? s.substring(i, i + 2) : "";
        for (String op : new String[]{"<=", ">=", "!=", "<>", "=="}) {
            if (two.equals(op)) {
                tokens.add(new Token(Token.Kind.OPERATOR, op, i));
                return i + 2;
            }
        }
        char c = s.charAt(i);
        if (c == '!') {
            throw new FilterException(Tr.t("'!' alone is not an operator: use != or not"), s, i);
        }
        tokens.add(new Token(Token.Kind.OPERATOR, String.valueOf(c), i));
        return i + 1;
    }

    private static int number(String s, int i, List<Token> tokens) {
        int start = i;
        // a date: 2024-06-01
        if (i + 10 <= s.length() && s.substring(i, i + 10).matches("\\d{4}-\\d{2}-\\d{2}")
                && (i + 10 == s.length() || !isWordChar(s.charAt(i + 10)))) {
            tokens.add(new Token(Token.Kind.DATE, s.substring(i, i + 10), start));
            return i + 10;
        }
        if (s.charAt(i) == '-') i++;
        while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) i++;
        String text = s.substring(start, i);
        if (i < s.length() && isWordChar(s.charAt(i))) {
            // e.g. 30d, 3rd: not a number; read it as a word so the message can name it
            while (i < s.length() && isWordChar(s.charAt(i))) i++;
            tokens.add(new Token(Token.Kind.WORD, s.substring(start, i), start));
            return i;
        }
        if (!text.matches("-?\\d*\\.?\\d+") && !text.matches("-?\\d+\\.?")) {
            throw new FilterException(Tr.f("'%s' is not a number", text), s, start);
        }
        tokens.add(new Token(Token.Kind.NUMBER, text, start));
        return i;
    }
}
