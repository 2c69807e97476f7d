package dev.rekindle.report.campaign;

import static dev.rekindle.report.Formats.round;

import dev.rekindle.report.Timestamps;
import dev.rekindle.report.uplift.GroupOutcome;
import dev.rekindle.report.uplift.Methods;
import dev.rekindle.report.uplift.Uplift;
import dev.rekindle.report.uplift.UpliftStatistics;
import dev.rekindle.console.OutputFormat;
import dev.rekindle.console.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The report for scripts. JSON: one object with fixed keys (rates as fractions, money in yuan to the fen,
 * unknown figures as null). CSV: one row per compared group with a fixed set of columns, the first row being
 * the whole campaign ({@code breakdown=overall}), then segments, stages and channels.
 */
final class CampaignReportData {

    static final List<String> CSV_COLUMNS = List.of("campaign_id", "breakdown", "key", "contacted", "contacted_buyers",
            "contacted_conversion", "contacted_revenue_per_customer", "holdout", "holdout_buyers", "holdout_conversion",
            "holdout_revenue_per_customer", "uplift_abs", "uplift_abs_low", "uplift_abs_high", "uplift_rel",
            "uplift_rel_low", "uplift_rel_high", "p_value", "verdict", "revenue_diff", "revenue_diff_low",
            "revenue_diff_high", "messages", "cost", "incremental_revenue", "window_complete", "days_observed",
            "p_value_holm", "revenue_p_value", "revenue_reason");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CampaignReportData() {
    }

    static String json(CampaignReport r) {
        Map<String, Object> root = new LinkedHashMap<>();
        CampaignFacts c = r.campaign();
        Map<String, Object> campaign = new LinkedHashMap<>();
        campaign.put("id", c.id());
        campaign.put("name", c.name());
        campaign.put("strategy", c.strategy());
        campaign.put("status", c.status());
        campaign.put("as_of", c.asOf() == null ? null : c.asOf().toString());
        campaign.put("planned_at", Timestamps.format(c.plannedAt()));
        root.put("campaign", campaign);
        root.put("sent_at", Timestamps.format(r.sent().at()));
        root.put("sent_at_source", r.sent().source().code());
        Map<String, Object> window = new LinkedHashMap<>();
        window.put("days", r.windowDays());
        window.put("ends_at", Timestamps.format(r.windowEnd()));
        window.put("evaluated_at", Timestamps.format(r.evaluatedAt()));
        window.put("observed_until", Timestamps.format(r.observedUntil()));
        window.put("days_observed", r.daysObserved());
        window.put("complete", r.complete());
        root.put("window", window);
        root.put("confidence", r.overall().confidence());
        root.put("skipped", r.skipped());
        root.put("breakdown_source", r.breakdownSource().inEnglish());
        root.put("messages_source", r.messagesSource().inEnglish());
        root.put("methods", methods());
        root.put("overall", group(r.overall()));
        root.put("segments", r.segments().stream().map(g -> keyed(g.key(), g.uplift())).toList());
        root.put("stages", r.stages().stream().map(g -> keyed(g.key(), g.uplift())).toList());
        List<Map<String, Object>> channels = new ArrayList<>();
        for (CampaignReport.ChannelReturn ch : r.channels()) {
            Map<String, Object> m = keyed(ch.channel(), ch.uplift());
            m.put("messages", ch.messages());
            m.put("messages_from_ledger", ch.messagesFromLedger());
            m.put("price_per_message", ch.price());
            m.put("cost", ch.cost() == null ? null : round(ch.cost(), 2));
            m.put("incremental_revenue", round(ch.incrementalRevenue(), 2));
            m.put("incremental_revenue_low", round(ch.incrementalRevenueInterval().low(), 2));
            m.put("incremental_revenue_high", round(ch.incrementalRevenueInterval().high(), 2));
            m.put("return_per_cost", ch.returnPerCost() == null ? null : round(ch.returnPerCost(), 4));
            channels.add(m);
        }
        root.put("channels", channels);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    static String csv(CampaignReport r) {
        Table t = new Table(CSV_COLUMNS.toArray(String[]::new));
        row(t, r, "overall", "all", r.overall(), null);
        r.segments().forEach(g -> row(t, r, "segment", g.key(), g.uplift(), null));
        r.stages().forEach(g -> row(t, r, "stage", g.key(), g.uplift(), null));
        r.channels().forEach(ch -> row(t, r, "channel", ch.channel(), ch.uplift(), ch));
        return t.render(OutputFormat.CSV);
    }

    private static void row(Table t, CampaignReport r, String breakdown, String key, Uplift u, CampaignReport.ChannelReturn ch) {
        GroupOutcome a = u.contacted();
        GroupOutcome b = u.holdout();
        t.row(r.campaign().id(), breakdown, key, a.customers(), a.buyers(), round(a.rate(), 6),
                round(a.revenuePerCustomer(), 2), b.customers(), b.buyers(), round(b.rate(), 6),
                round(b.revenuePerCustomer(), 2), round(u.absolute(), 6), round(u.absoluteInterval().low(), 6),
                round(u.absoluteInterval().high(), 6), round(u.relative(), 6), round(u.relativeInterval().low(), 6),
                round(u.relativeInterval().high(), 6), round(u.pValue(), 6), u.verdict().code(),
                round(u.revenueDifference(), 2), round(u.revenueInterval().low(), 2), round(u.revenueInterval().high(), 2),
                ch == null ? null : ch.messages(), ch == null || ch.cost() == null ? null : round(ch.cost(), 2),
                ch == null ? null : round(ch.incrementalRevenue(), 2), r.complete(), r.daysObserved(),
                round(u.adjustedPValue(), 6), round(u.revenuePValue(), 6),
                UpliftStatistics.reasonInEnglish(u, u.revenueReason()));
    }

    /** Which method gave which figure, so a script can tell what it reads. */
    static Map<String, Object> methods() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("p_value", Methods.CONVERSION_TEST);
        m.put("uplift_abs_interval", Methods.DIFFERENCE_INTERVAL);
        m.put("uplift_rel_interval", Methods.RATIO_INTERVAL);
        m.put("p_value_holm", Methods.ADJUSTMENT);
        m.put("revenue", Methods.REVENUE);
        m.put("revenue_min_expected_buyers", UpliftStatistics.MIN_BUYERS);
        return m;
    }

    private static Map<String, Object> keyed(String key, Uplift u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", key);
        m.putAll(group(u));
        return m;
    }

    private static Map<String, Object> group(Uplift u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("contacted", outcome(u.contacted()));
        m.put("holdout", outcome(u.holdout()));
        m.put("uplift_abs", round(u.absolute(), 6));
        m.put("uplift_abs_low", round(u.absoluteInterval().low(), 6));
        m.put("uplift_abs_high", round(u.absoluteInterval().high(), 6));
        m.put("uplift_rel", round(u.relative(), 6));
        m.put("uplift_rel_low", round(u.relativeInterval().low(), 6));
        m.put("uplift_rel_high", round(u.relativeInterval().high(), 6));
        m.put("p_value", round(u.pValue(), 6));
        m.put("p_value_holm", round(u.adjustedPValue(), 6));
        m.put("verdict", u.verdict().code());
        m.put("reason", u.reason());
        m.put("revenue_diff", round(u.revenueDifference(), 2));
        m.put("revenue_diff_low", round(u.revenueInterval().low(), 2));
        m.put("revenue_diff_high", round(u.revenueInterval().high(), 2));
        m.put("revenue_p_value", round(u.revenuePValue(), 6));
        m.put("revenue_reason", UpliftStatistics.reasonInEnglish(u, u.revenueReason()));
        return m;
    }

    private static Map<String, Object> outcome(GroupOutcome g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("customers", g.customers());
        m.put("buyers", g.buyers());
        m.put("conversion", round(g.rate(), 6));
        m.put("revenue", round(g.revenue(), 2));
        m.put("revenue_per_customer", round(g.revenuePerCustomer(), 2));
        return m;
    }
}
