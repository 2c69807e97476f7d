package dev.rekindle.api;

import java.time.LocalDateTime;

/**
 * One of a customer's latest purchases (paid or completed, on or before the as-of date).
 *
 * @param lifespanDays how long one purchase of this category lasts (shortest {@code products.lifespan_days}
 *                     of the category), or null when the shop has not said
 */
public record PastOrder(String orderNo, LocalDateTime createdAt, double amount, String category, int items,
        Integer lifespanDays) {
}
