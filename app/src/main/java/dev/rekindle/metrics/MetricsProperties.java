package dev.rekindle.metrics;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What counts as one purchase (rekindle.purchase-occasion), for metrics, RFM frequency and predict
 * alike.
 *
 * @param purchaseOccasion order (every paid or completed order) or day (every day with one)
 */
@ConfigurationProperties("rekindle")
public record MetricsProperties(PurchaseOccasion purchaseOccasion) {
}
