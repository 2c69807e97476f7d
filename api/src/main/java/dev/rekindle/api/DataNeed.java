package dev.rekindle.api;

/**
 * Data a strategy cannot work without, beyond the segmentation snapshot. The host checks each against the
 * database and, when it is missing, says which data and which command brings it ({@code strategies show},
 * {@code campaigns plan}).
 */
public enum DataNeed {
    /** Purchases (paid or completed orders). */
    ORDERS,
    /** Orders with a category: from the file's category column, the products' categories or category rules. */
    ORDER_CATEGORIES,
    /** Products with a lifespan in days, matching goods that were ordered. */
    PRODUCT_LIFESPANS,
    /** Products with a launch date. */
    PRODUCT_LAUNCH_DATES,
    /** Customers' birthdays (a member file). */
    BIRTHDAYS
}
