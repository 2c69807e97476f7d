package dev.rekindle.report.campaign;

import dev.rekindle.report.Phrase;
import dev.rekindle.report.uplift.Interval;
import dev.rekindle.report.uplift.Uplift;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

/**
 * What a campaign brought back, as known at {@code evaluatedAt}: orders from the send up to the end of the
 * window or up to the evaluation time, whichever comes first.
 *
 * @param breakdownSource where segments and stages came from, in words (English in JSON, translated on screen)
 * @param messagesSource  where the message counts per channel came from, in words
 */
public record CampaignReport(CampaignFacts campaign, SendTime sent, int windowDays, LocalDateTime windowEnd,
        LocalDateTime evaluatedAt, long skipped, Phrase breakdownSource, Phrase messagesSource,
        Uplift overall, List<Group> segments, List<Group> stages, List<ChannelReturn> channels) {

    /** One row of a breakdown. */
    public record Group(String key, Uplift uplift) {
    }

    /**
     * Cost and return of one channel. Contacted and holdout customers are compared within the channel (the
     * holdout member's channel is where they would have been reached).
     *
     * @param price              per message in yuan, null when not configured (then no cost or return)
     * @param incrementalRevenue (revenue per contacted customer - per holdout customer) x contacted customers
     * @param returnPerCost      incremental revenue per yuan spent, null without a price
     */
    public record ChannelReturn(String channel, Uplift uplift, long messages, boolean messagesFromLedger, Double price,
            Double cost, double incrementalRevenue, Interval incrementalRevenueInterval, Double returnPerCost) {
    }

    /** True once the whole window lies before the evaluation time. */
    public boolean complete() {
        return !evaluatedAt.isBefore(windowEnd);
    }

    /** The end of what is counted: the window's end, or the evaluation time while the window is open. */
    public LocalDateTime observedUntil() {
        return complete() ? windowEnd : evaluatedAt;
    }

    /** Days of the window observed so far, to a tenth of a day. */
    public double daysObserved() {
        long seconds = Math.max(0, Duration.between(sent.at(), observedUntil()).getSeconds());
        return Math.round(seconds / 8640.0) / 10.0;
    }
}
