package dev.rekindle.segment;

import dev.rekindle.i18n.Tr;
import java.util.Locale;

/**
 * How the eight segments decide high or low on each axis. The stored R/F/M scores are quintile scores
 * (1–5) with either method, so that the matrix and filters always have them.
 */
public enum ScoringMethod {
    /** High when the customer's score is above the average score of all scored customers. */
    QUINTILES,
    /** High when the raw value is better than the mean raw value (fewer days for R, more for F and M). */
    MEAN;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ScoringMethod parse(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "quintiles", "quintile", "scores" -> QUINTILES;
            case "mean", "average", "high-low", "highlow" -> MEAN;
            default -> throw new IllegalArgumentException(Tr.f("the scoring method is quintiles or mean, got '%s'", value));
        };
    }
}
