package dev.rekindle.api;

import java.time.LocalDateTime;

/**
 * One of a customer's latest purchases (paid or completed, on or before the as-of date).
 *
 * @param lifespanDays how long the purchase lasts: the shortest {@code products.lifespan_days} of the products on
 *                     the order when its goods are listed, else the shortest of its category; null when the
 *                     shop has not said
 */
public record PastOrder(String orderNo, LocalDateTime createdAt, double amount, String category, int items,
        Integer lifespanDays) {
}
