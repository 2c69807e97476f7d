package dev.rekindle.fakes;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.Strictness;
import com.google.gson.ToNumberPolicy;

/**
 * The fakes' JSON, by Gson (as the plugins read it): what clients send becomes maps, lists, strings,
 * {@link java.math.BigDecimal} numbers, booleans and null; answers are written from the same. Strict, as a
 * provider is: a body that is not exactly one JSON value is refused.
 */
public final class Json {

    private static final Gson GSON = new GsonBuilder()
            .setStrictness(Strictness.STRICT)
            .setObjectToNumberStrategy(ToNumberPolicy.BIG_DECIMAL)
            .serializeNulls() // an answer's empty field is written as null, as providers do, not left out
            .disableHtmlEscaping() // Chinese and '<' travel as they are
            .create();

    private Json() {
    }

    /** @throws IllegalArgumentException for anything that is not one complete JSON value */
    public static Object parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("bad JSON: empty");
        }
        try {
            return GSON.fromJson(text, Object.class);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("bad JSON: " + e.getMessage(), e);
        }
    }

    /** Writes maps, lists, strings, numbers, booleans and null. */
    public static String write(Object v) {
        return GSON.toJson(v);
    }
}
