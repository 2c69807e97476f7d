package dev.rekindle.metrics;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What counts as one purchase ({@code rekindle.purchase-occasion}), for metrics, RFM frequency and predict
 * alike.
 *
 * @param purchaseOccasion {@code order} (every paid or completed order) or {@code day} (every day with one)
 */
@ConfigurationProperties("rekindle")
public record MetricsProperties(PurchaseOccasion purchaseOccasion) {
}
