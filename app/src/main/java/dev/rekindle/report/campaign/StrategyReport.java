package dev.rekindle.report.campaign;

import dev.rekindle.report.uplift.PooledStatistics;
import dev.rekindle.report.uplift.Uplift;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * All campaigns of one strategy sent in [from, to], each compared on its own and then pooled, stratified by
 * campaign; {@code cumulative} holds the pooled result after each campaign in send order (how the evidence grew).
 */
public record StrategyReport(String strategy, LocalDate from, LocalDate to, int windowDays, LocalDateTime evaluatedAt,
        List<Row> campaigns, PooledStatistics.Pooled pooled) {

    /** One campaign: its own comparison, and the pooled one over it and every campaign before it. */
    public record Row(CampaignFacts campaign, SendTime sent, boolean windowComplete, Uplift uplift,
            PooledStatistics.Pooled cumulative) {
    }
}
