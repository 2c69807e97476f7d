package dev.rekindle.api;

import java.time.LocalDate;
import java.util.List;

/**
 * What a strategy knows about the plan being made.
 *
 * @param asOf     the day the plan is for: "today" for birthdays, holidays and day counts. Stage, RFM and
 *                 recency in the {@link CustomerView} are computed as of this same day.
 * @param products the shop's products on sale by that day (launched on or before it, or with no launch
 *                 date), empty when the shop has loaded none
 */
public record PlanContext(LocalDate asOf, List<Product> products) {

    public PlanContext {
        if (asOf == null) throw new IllegalArgumentException("asOf is required");
        products = products == null ? List.of() : List.copyOf(products);
    }

    /** A plan without product data (strategies that need none, tests). */
    public PlanContext(LocalDate asOf) {
        this(asOf, List.of());
    }
}
