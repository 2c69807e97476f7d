package dev.rekindle.api;

import java.time.LocalDate;

/**
 * What a strategy knows about the plan being made.
 *
 * @param asOf the day the plan is for: "today" for birthdays, holidays and day counts. Stage, RFM and
 *             recency in the {@link CustomerView} are computed as of this same day.
 */
public record PlanContext(LocalDate asOf) {

    public PlanContext {
        if (asOf == null) throw new IllegalArgumentException("asOf is required");
    }
}
