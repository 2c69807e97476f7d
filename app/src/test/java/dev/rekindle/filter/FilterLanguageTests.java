package dev.rekindle.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The language itself, on a few stand-in fields: parsing, positions of mistakes, the SQL it compiles to. */
class FilterLanguageTests {

    static final FieldContext CTX = new FieldContext(7, LocalDate.of(2025, 1, 1));

    final FilterCompiler compiler = new FilterCompiler(new FilterFields(List.of(() -> List.of(
            FilterField.number("r", "recency score", "cs.r"),
            FilterField.number("monetary", "spend", "cs.monetary").notNull(),
            FilterField.text("city", "city", "c.city"),
            FilterField.date("last_order_date", "last purchase", "substr(cs.last_order_at, 1, 10)"),
            FilterField.choice("stage", "stage", FilterField.Choices.of(List.of("active", "silent"), Map.of("沉默期", "silent")),
                    "cs.stage").notNull(),
            FilterField.flag("has_mobile", "mobile on file", "(c.mobile IS NOT NULL)"),
            FilterField.flag("bought", "bought a category", "").withArguments("CATEGORY, …",
                    (ctx, args) -> SqlFragment.of("c.id IN (SELECT customer_id FROM orders WHERE created_at < ? AND category IN ("
                            + String.join(", ", java.util.Collections.nCopies(args.size(), "?")) + "))",
                            concat(ctx.endOfAsOf(), args)))))));

    static Object[] concat(Object first, List<String> rest) {
        Object[] all = new Object[rest.size() + 1];
        all[0] = first;
        for (int i = 0; i < rest.size(); i++) all[i + 1] = rest.get(i);
        return all;
    }

    SqlFragment compile(String expression) {
        return compiler.compile(expression, CTX);
    }

    FilterException error(String expression) {
        return assertThrows(FilterException.class, () -> compile(expression));
    }

    @Test
    void shouldBindEveryValueAsAParameter() {
        SqlFragment f = compile("city = 'x'' OR 1=1 --' and monetary >= 100.5");

        assertEquals("((c.city = ?) IS TRUE AND (cs.monetary >= ?))", f.sql());
        assertEquals(List.of("x' OR 1=1 --", 100.5), f.params());
        assertFalse(f.sql().contains("OR 1=1"));
    }

    @Test
    void shouldGiveAndPrecedenceOverOr() {
        SqlFragment f = compile("stage = silent or r >= 4 and has_mobile");

        assertEquals("((cs.stage = ?) OR ((cs.r >= ?) IS TRUE AND ((c.mobile IS NOT NULL))))", f.sql());
        assertEquals(List.of("silent", 4L), f.params());
    }

    @Test
    void shouldHonourParenthesesAndNot() {
        SqlFragment f = compile("NOT (stage = 沉默期 OR r between 1 and 2)");

        assertEquals("NOT (((cs.stage = ?) OR (cs.r BETWEEN ? AND ?) IS TRUE))", f.sql());
        assertEquals(List.of("silent", 1L, 2L), f.params(), "Chinese aliases map to the stored value");
    }

    @Test
    void shouldMakeInequalityTheComplementOfEquality() {
        assertEquals("NOT (c.city = ?) IS TRUE", compile("city != 上海").sql(), "customers without a city match !=");
        assertEquals("NOT (c.city IN (?, ?)) IS TRUE", compile("city not in (上海, \"Hong Kong\")").sql());
        assertEquals(List.of("上海", "Hong Kong"), compile("city not in (上海, \"Hong Kong\")").params());
        assertEquals("(c.city IS NULL)", compile("city is null").sql());
        assertEquals("NOT (cs.stage = ?)", compile("stage <> active").sql());
    }

    @Test
    void shouldReadDatesAndArguments() {
        SqlFragment f = compile("last_order_date < 2024-06-01 and bought(母婴用品, '食品 零食')");

        assertEquals("((substr(cs.last_order_at, 1, 10) < ?) IS TRUE AND (c.id IN (SELECT customer_id FROM orders "
                + "WHERE created_at < ? AND category IN (?, ?))))", f.sql());
        assertEquals(List.of("2024-06-01", "2025-01-02", "母婴用品", "食品 零食"), f.params());
    }

    @Test
    void shouldTreatBooleanFieldsAsConditions() {
        assertEquals("NOT ((c.mobile IS NOT NULL))", compile("has_mobile = false").sql());
        assertEquals("NOT (((c.mobile IS NOT NULL)))", compile("not has_mobile").sql());
        assertEquals("((c.mobile IS NOT NULL))", compile("has_mobile = yes").sql());
    }

    @Test
    void shouldPointAtAMissingValue() {
        FilterException e = error("stage = silent and r >");

        assertEquals(22, e.position());
        assertTrue(e.getMessage().contains("position 23: the filter ends too early: expected a value after '>'"), e.getMessage());
        assertTrue(e.getMessage().endsWith("\n  stage = silent and r >\n                        ^"), e.getMessage());
    }

    @Test
    void shouldPointAtMistakesWherever() {
        assertEquals(0, error("stag = silent").position());
        assertTrue(error("stag = silent").getMessage().contains("did you mean stage?"));
        assertEquals(8, error("stage = silnt").position());
        assertTrue(error("stage = silnt").getMessage().contains("use one of active, silent"));
        assertEquals(5, error("r >= high").position());
        assertEquals(24, error("(r >= 4 and monetary > 1").position(), "a missing ')' is reported at the end");
        assertTrue(error("(r >= 4 and monetary > 1").getMessage().contains("expected ')'"));
        assertEquals(7, error("r >= 4 ) or").position());
        assertEquals(7, error("city = 'open").position());
        assertEquals(5, error("city < 上海").position());
        assertEquals(2, error("r ! 4").position());
        assertEquals(0, error("has_mobile(1)").position());
        assertEquals(0, error("bought = true").position(), "bought needs its category");
        assertEquals(6, error("r = 4 4").position());
        assertEquals(0, error("r").position());
        assertEquals(18, error("last_order_date < 2024-02-30").position());
        assertEquals(0, error("   ").position());
        assertTrue(error("r in ()").getMessage().contains("empty"));
        assertTrue(error("city = null").getMessage().contains("is null"));
        assertTrue(error("r between 1 or 2").getMessage().contains("expected 'and'"));
    }

    @Test
    void shouldCountWidthOfChineseTextForTheCaret() {
        FilterException e = error("city = 上海 and sex = F");

        assertTrue(e.getMessage().endsWith("\n  city = 上海 and sex = F\n                  ^"), e.getMessage());
    }

    @Test
    void shouldRefuseTwoFieldsWithTheSameName() {
        FilterFieldProvider one = () -> List.of(FilterField.number("r", "", "1"));
        assertThrows(IllegalStateException.class, () -> new FilterFields(List.of(one, one)));
    }

    @Test
    void fiveThousandNestedParenthesesShouldBeAClearErrorNotAStackOverflow() {
        String deep = "(".repeat(5000) + "r = 1" + ")".repeat(5000);

        FilterException e = error(deep);

        assertEquals(50, e.position(), e.getMessage());
        assertTrue(e.getMessage().contains("nests parentheses or 'not' more than 50 deep"), e.getMessage());
        assertTrue(e.getMessage().length() < 400, "the 10,005-character expression is not echoed whole: " + e.getMessage().length());
    }

    @Test
    void aThreeThousandTermFilterShouldBeRefusedAtTheFirstTermOverTheLimit() {
        String wide = String.join(" or ", java.util.Collections.nCopies(3000, "r = 1"));

        FilterException e = error(wide);

        assertTrue(e.getMessage().contains("more than 500 conditions"), e.getMessage());
        assertEquals(500 * "r = 1 or ".length(), e.position());
        assertEquals(500, compile(String.join(" or ", java.util.Collections.nCopies(500, "r = 1"))).params().size());
    }

    @Test
    void notNotNotIsNestingToo() {
        assertTrue(error("not ".repeat(51) + "has_mobile").getMessage().contains("more than 50 deep"));
        compile("not ".repeat(50) + "has_mobile");
    }
}
