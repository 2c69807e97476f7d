package dev.rekindle.campaign;

import java.util.Map;

/** What planning found: the stored campaign, how many customers the strategy looked at, the occasion. */
public record PlanResult(Campaign campaign, long looked, String occasion, String restriction,
        Map<String, Long> targetsByChannel, Map<String, Long> skippedByReason, Map<String, Long> offers) {

    /** The same plan was already made today: it is reused, nothing new was stored. */
    static PlanResult existing(Campaign campaign) {
        return new PlanResult(campaign, -1, null, campaign.segment(), Map.of(), Map.of(), Map.of());
    }

    public boolean reused() {
        return looked < 0 && campaign != null;
    }

    /**
     * Nobody was eligible: no campaign is stored (issue 18) — an empty campaign a day is noise in every
     * list and report. {@code campaigns plan} says so, and why (strategy/DataNeeds).
     */
    static PlanResult nobody(long looked, String occasion, String restriction) {
        return new PlanResult(null, looked, occasion, restriction, Map.of(), Map.of(), Map.of());
    }

    public boolean nobody() {
        return campaign == null;
    }
}
