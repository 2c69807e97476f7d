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
        return looked < 0;
    }

    /**
     * Nobody to contact or measure: nothing was stored. {@code draft} says what the plan would have been,
     * {@code eligible} how many the strategy chose, {@code skippedByReason} why none of them can be reached.
     */
    static PlanResult nothing(Campaign draft, long looked, long eligible, String occasion, String restriction,
            Map<String, Long> skippedByReason) {
        Campaign shown = new Campaign(0, draft.name(), draft.strategy(), draft.purpose(), draft.template(), draft.snapshotId(),
                draft.asOf(), draft.segment(), draft.channel(), draft.holdoutPct(), draft.holdoutSeed(), draft.settings(),
                draft.facts(), "none", eligible, 0, 0, eligible, draft.createdAt(), null, null);
        return new PlanResult(shown, looked, occasion, restriction, Map.of(), skippedByReason, Map.of());
    }

    /** Whether a campaign was stored (or reused); false when nobody could be contacted. */
    public boolean planned() {
        return campaign.id() > 0;
    }
}
