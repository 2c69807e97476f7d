package dev.rekindle.metrics;

import dev.rekindle.i18n.Tr;
import dev.rekindle.console.UserException;
import java.util.Locale;

/**
 * What counts as one purchase in metrics (repeat customers, 30-day repeat), RFM frequency and predict: every paid
 * or completed order, or every day with one ({@code rekindle.purchase-occasion=order|day}, default {@code order}).
 * Two orders placed the same afternoon (one basket split by the shop, a forgotten item) are one shopping trip for
 * {@code day}, two purchases for {@code order}. One setting for all three, so that a "repeat customer" in metrics,
 * a frequency of 2 in RFM and a repeat purchase in predict mean the same thing.
 */
public enum PurchaseOccasion {
    ORDER, DAY;
}
