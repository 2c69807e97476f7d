package dev.rekindle.campaign;

import java.util.Map;

/** What planning found: the stored campaign, how many customers the strategy looked at, the occasion. */
public record PlanResult(Campaign campaign, long looked, String occasion, String restriction,
        Map<String, Long> targetsByChannel, Map<String, Long> skippedByReason, Map<String, Long> offers) {
}
