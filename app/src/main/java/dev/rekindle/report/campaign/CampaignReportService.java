package dev.rekindle.report.campaign;

import dev.rekindle.i18n.Tr;
import dev.rekindle.report.Phrase;
import dev.rekindle.report.Timestamps;
import dev.rekindle.report.uplift.Holm;
import dev.rekindle.report.uplift.Interval;
import dev.rekindle.report.uplift.Uplift;
import dev.rekindle.report.uplift.UpliftStatistics;
import dev.rekindle.console.UserException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds a {@link CampaignReport}. "Contacted" means every customer planned as a target, whether or not the
 * message got through: the holdout was drawn from the same eligible customers, so only this comparison is
 * like with like (a failed delivery is not random; dropping those customers would bias the result).
 */
@Service
public class CampaignReportService {

    public static final int MAX_WINDOW_DAYS = 365;

    private final Campaigns campaigns;
    private final MemberOutcomes outcomes;
    private final ChannelPrices prices;
    private final UpliftStatistics statistics = UpliftStatistics.standard();

    public CampaignReportService(Campaigns campaigns, MemberOutcomes outcomes, ChannelPrices prices) {
        this.campaigns = campaigns;
        this.outcomes = outcomes;
        this.prices = prices;
    }

    @Transactional(readOnly = true)
    public CampaignReport report(long campaignId, int windowDays, LocalDateTime evaluatedAt) {
        if (windowDays < 1 || windowDays > MAX_WINDOW_DAYS) {
            throw new UserException(Tr.f("the window must be 1 to %d days, got %d", MAX_WINDOW_DAYS, windowDays));
        }
        CampaignFacts campaign = campaigns.find(campaignId);
        SendTime sent = campaigns.sendTime(campaign);
        if (evaluatedAt.isBefore(sent.at())) {
            throw new UserException(Tr.f("campaign %d went out at %s, after the report's date: choose a later --as-of",
                    campaignId, Timestamps.minutes(sent.at())));
        }
        LocalDateTime windowEnd = sent.at().plusDays(windowDays);
        LocalDateTime until = evaluatedAt.isBefore(windowEnd) ? evaluatedAt : windowEnd;
        Optional<Campaigns.Snapshot> snapshot = campaigns.snapshotFor(campaign);
        Tallies t = outcomes.read(campaignId, sent.at(), until, snapshot);
        Optional<Map<String, Long>> messages = campaigns.messagesByChannel(campaignId);

        return new CampaignReport(campaign, sent, windowDays, windowEnd, evaluatedAt, campaigns.skipped(campaignId),
                snapshot.map(s -> s.planned()
                                ? new Phrase(Tr.n("segments and stages from snapshot #%d (as of %s), the one the campaign was planned on"), s.id(), s.asOf())
                                : new Phrase(Tr.n("segments and stages from snapshot #%d (as of %s)"), s.id(), s.asOf()))
                        .orElse(campaign.snapshotId() != null
                                ? new Phrase(Tr.n("snapshot #%d, the one the campaign was planned on, is no longer kept "
                                        + "(rekindle.segments.keep-snapshots): segments unknown, stages from each customer's last purchase "
                                        + "before the send (default thresholds 90/180/270/365 days)"), campaign.snapshotId())
                                : new Phrase(Tr.n("no segmentation snapshot: stages from each customer's last purchase before the send "
                                + "(default thresholds 90/180/270/365 days), segments unknown"))),
                new Phrase(messages.isPresent() ? Tr.n("messages handed to each channel, from the delivery ledger")
                        : Tr.n("no delivery ledger for this campaign: one message per contacted customer assumed")),
                compare(campaignId, "overall", t.overall), groups(campaignId, "segment", t.segments),
                groups(campaignId, "stage", t.stages), channels(campaignId, t, messages));
    }

    private Uplift compare(long campaignId, String row, Tallies.Pair p) {
        return compare(statistics, seed(campaignId, row), p);
    }

    static Uplift compare(UpliftStatistics statistics, long seed, Tallies.Pair p) {
        return statistics.compare(p.contacted, p.contactedSpend.toArray(), p.holdout, p.holdoutSpend.toArray(), seed);
    }

    /** The permutations' seed, from the campaign and the row: the same report always shows the same interval. */
    static long seed(long campaignId, String row) {
        long h = campaignId * 0x9E3779B97F4A7C15L;
        for (int i = 0; i < row.length(); i++) {
            h = (h ^ row.charAt(i)) * 0x100000001B3L;
        }
        return h;
    }

    /** A breakdown's rows, their verdicts decided by Holm-adjusted p-values (one family per breakdown). */
    private List<CampaignReport.Group> groups(long campaignId, String breakdown, Map<String, Tallies.Pair> pairs) {
        List<String> keys = new ArrayList<>(pairs.keySet());
        List<Uplift> raw = new ArrayList<>();
        pairs.forEach((key, pair) -> raw.add(compare(campaignId, breakdown + ":" + key, pair)));
        List<Uplift> adjusted = adjust(raw);
        List<CampaignReport.Group> list = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            list.add(new CampaignReport.Group(keys.get(i), adjusted.get(i)));
        }
        return list;
    }

    static List<Uplift> adjust(List<Uplift> rows) {
        double[] p = rows.stream().mapToDouble(Uplift::pValue).toArray();
        double[] holm = Holm.adjust(p);
        List<Uplift> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            out.add(Double.isNaN(holm[i]) ? rows.get(i) : rows.get(i).withAdjustedPValue(holm[i]));
        }
        return out;
    }

    private List<CampaignReport.ChannelReturn> channels(long campaignId, Tallies t, Optional<Map<String, Long>> ledger) {
        Map<String, Double> price = prices.all();
        List<CampaignReport.ChannelReturn> list = new ArrayList<>();
        List<String> names = new ArrayList<>(t.channels.keySet());
        List<Uplift> raw = new ArrayList<>();
        t.channels.forEach((channel, pair) -> raw.add(compare(campaignId, "channel:" + channel, pair)));
        List<Uplift> adjusted = adjust(raw);
        for (int i = 0; i < names.size(); i++) {
            String channel = names.get(i);
            Tallies.Pair pair = t.channels.get(channel);
            Uplift u = adjusted.get(i);
            long contacted = pair.contacted.customers();
            long messages = ledger.map(m -> m.getOrDefault(channel, 0L)).orElse(contacted);
            // extra revenue follows the revenue rule: no total where there are too few buyers to say
            double incremental = u.revenueKnown() ? u.revenueDifference() * contacted : Double.NaN;
            Interval interval = u.revenueKnown() ? u.revenueInterval().times(contacted) : Interval.NONE;
            Double p = price.get(channel);
            Double cost = p == null ? null : p * messages;
            Double perCost = cost == null || cost == 0 || Double.isNaN(incremental) ? null : incremental / cost;
            list.add(new CampaignReport.ChannelReturn(channel, u, messages, ledger.isPresent(), p, cost, incremental,
                    interval, perCost));
        }
        return list;
    }
}
