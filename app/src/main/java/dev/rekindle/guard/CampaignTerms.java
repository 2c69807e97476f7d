package dev.rekindle.guard;

import dev.rekindle.api.Purpose;

/** What the guard needs to know about the campaign: its id, purpose and holdout. */
public record CampaignTerms(long campaignId, Purpose purpose, double holdoutPct, long holdoutSeed) {
}
