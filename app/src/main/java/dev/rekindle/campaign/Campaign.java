package dev.rekindle.campaign;

import dev.rekindle.api.Purpose;
import dev.rekindle.guard.CampaignTerms;
import java.time.LocalDate;

/** A stored campaign (one row of {@code campaigns}). */
public record Campaign(long id, String name, String strategy, Purpose purpose, String template, long snapshotId,
        LocalDate asOf, String segment, String channel, double holdoutPct, long holdoutSeed, String settings,
        String facts, String status, long candidates, long targets, long holdout, long skipped, String createdAt,
        String dryRunAt, String dryRunFile) {

    public CampaignTerms terms() {
        return new CampaignTerms(id, purpose, holdoutPct, holdoutSeed);
    }
}
