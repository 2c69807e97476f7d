package dev.rekindle.api;

import java.util.Map;

/**
 * What a whole plan is about, when the strategy has an occasion (a holiday, a season): a line for the
 * operator and template facts shared by every message (e.g. {@code holiday → 中秋节}).
 */
public record Occasion(String summary, Map<String, String> facts) {

    public Occasion {
        facts = facts == null ? Map.of() : Map.copyOf(facts);
    }
}
