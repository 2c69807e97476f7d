package dev.rekindle.campaign;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Planning and dry runs (rekindle.campaigns.*); defaults in the shipped application.yml. Holdouts
 * are percentages of the eligible customers kept out of a campaign as a control group; they are checked
 * (0 to 90) when a plan uses them.
 *
 * @param holdout         marketing keeps a control group to prove what it brings
 * @param careHoldout     care (birthdays, thanks, holidays) reaches everyone by default
 * @param strategyHoldout one strategy's own holdout, by strategy id
 * @param dryRunThreads   threads rendering a dry run side by side (0 = one per core); the outbox is the same
 *                        at any number
 */
@ConfigurationProperties("rekindle.campaigns")
public record CampaignProperties(double holdout, double careHoldout, Map<String, Double> strategyHoldout, int dryRunThreads) {

    public CampaignProperties {
        strategyHoldout = strategyHoldout == null ? Map.of() : Map.copyOf(strategyHoldout);
    }
}
