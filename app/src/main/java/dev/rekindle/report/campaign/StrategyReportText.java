package dev.rekindle.report.campaign;

import static dev.rekindle.report.Formats.count;
import static dev.rekindle.report.Formats.pValue;
import static dev.rekindle.report.Formats.percent;
import static dev.rekindle.report.Formats.points;
import static dev.rekindle.report.Formats.signedMoney;

import dev.rekindle.i18n.Tr;
import dev.rekindle.report.Timestamps;
import dev.rekindle.report.uplift.Methods;
import dev.rekindle.report.uplift.PooledStatistics;
import dev.rekindle.report.uplift.Uplift;
import dev.rekindle.report.uplift.UpliftStatistics;
import dev.rekindle.console.OutputFormat;
import dev.rekindle.console.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

import static dev.rekindle.report.Formats.round;

/** A strategy's report as an operator reads it, and as JSON and CSV for scripts. */
final class StrategyReportText {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final List<String> CSV_COLUMNS = List.of("strategy", "campaign_id", "sent_at", "window_complete", "contacted",
            "contacted_buyers", "holdout", "holdout_buyers", "uplift_abs", "p_value", "verdict", "revenue_diff",
            "revenue_diff_low", "revenue_diff_high", "pooled_uplift_abs", "pooled_p_value", "pooled_revenue_diff");

    private StrategyReportText() {
    }

    static String render(StrategyReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append(Tr.f("Strategy %s · %d campaign(s) · window %d days", r.strategy(), r.campaigns().size(), r.windowDays()));
        if (r.from() != null || r.to() != null) {
            sb.append(Tr.f(" · sent %s to %s", r.from() == null ? "…" : r.from(), r.to() == null ? "…" : r.to()));
        }
        sb.append("\n\n");
        Table t = new Table(Tr.t("campaign"), Tr.t("sent"), ">" + Tr.t("contacted"), ">" + Tr.t("conv."),
                ">" + Tr.t("holdout"), ">" + Tr.t("conv."), ">" + Tr.t("uplift"), ">p", ">" + Tr.t("pooled so far"), ">" + Tr.t("pooled p"));
        for (StrategyReport.Row row : r.campaigns()) {
            Uplift u = row.uplift();
            t.row("#" + row.campaign().id() + (row.windowComplete() ? "" : "*"), Timestamps.minutes(row.sent().at()),
                    count(u.contacted().customers()), percent(u.contacted().rate()), count(u.holdout().customers()),
                    percent(u.holdout().rate()), points(u.absolute()), pValue(u.pValue()),
                    points(row.cumulative().riskDifference()), pValue(row.cumulative().pValue()));
        }
        sb.append(t.render(OutputFormat.TABLE)).append('\n');
        if (r.campaigns().stream().anyMatch(row -> !row.windowComplete())) {
            sb.append(Tr.t("* window still open: figures are what is known so far")).append('\n');
        }
        PooledStatistics.Pooled p = r.pooled();
        sb.append('\n').append(Tr.f("All %d campaigns, stratified by campaign:", p.campaigns())).append('\n');
        sb.append("  ").append(Tr.f("Conversion uplift %s (Mantel-Haenszel risk difference)", points(p.riskDifference()))).append('\n');
        sb.append("  ").append(Tr.f("Significance %s (p = %s, %s)", p.verdict().text(), pValue(p.pValue()),
                Tr.t(Methods.POOLED_CONVERSION))).append('\n');
        sb.append("  ").append(Tr.t("Revenue/customer")).append(' ');
        if (p.revenueKnown()) {
            sb.append(Tr.f("%s, 95%% CI %s … %s (p = %s, %s)", signedMoney(p.revenueDifference()),
                    signedMoney(p.revenueInterval().low()), signedMoney(p.revenueInterval().high()), pValue(p.revenuePValue()),
                    Tr.t(Methods.POOLED_REVENUE)));
        } else {
            sb.append(p.revenueReasonText());
        }
        return sb.append('\n').toString().stripTrailing();
    }

    static String json(StrategyReport r) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("strategy", r.strategy());
        root.put("from", r.from() == null ? null : r.from().toString());
        root.put("to", r.to() == null ? null : r.to().toString());
        root.put("window_days", r.windowDays());
        root.put("evaluated_at", Timestamps.format(r.evaluatedAt()));
        Map<String, Object> methods = new LinkedHashMap<>(CampaignReportData.methods());
        methods.put("pooled_p_value", Methods.POOLED_CONVERSION);
        methods.put("pooled_uplift_abs", "Mantel-Haenszel risk difference");
        methods.put("pooled_revenue", Methods.POOLED_REVENUE);
        root.put("methods", methods);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (StrategyReport.Row row : r.campaigns()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("campaign_id", row.campaign().id());
            m.put("name", row.campaign().name());
            m.put("sent_at", Timestamps.format(row.sent().at()));
            m.put("window_complete", row.windowComplete());
            Uplift u = row.uplift();
            m.put("contacted", u.contacted().customers());
            m.put("contacted_buyers", u.contacted().buyers());
            m.put("holdout", u.holdout().customers());
            m.put("holdout_buyers", u.holdout().buyers());
            m.put("uplift_abs", round(u.absolute(), 6));
            m.put("p_value", round(u.pValue(), 6));
            m.put("verdict", u.verdict().code());
            m.put("revenue_diff", round(u.revenueDifference(), 2));
            m.put("revenue_diff_low", round(u.revenueInterval().low(), 2));
            m.put("revenue_diff_high", round(u.revenueInterval().high(), 2));
            m.put("cumulative", pooled(row.cumulative()));
            rows.add(m);
        }
        root.put("campaigns", rows);
        root.put("pooled", pooled(r.pooled()));
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    static String csv(StrategyReport r) {
        Table t = new Table(CSV_COLUMNS.toArray(String[]::new));
        for (StrategyReport.Row row : r.campaigns()) {
            Uplift u = row.uplift();
            PooledStatistics.Pooled c = row.cumulative();
            t.row(r.strategy(), row.campaign().id(), Timestamps.format(row.sent().at()), row.windowComplete(),
                    u.contacted().customers(), u.contacted().buyers(), u.holdout().customers(), u.holdout().buyers(),
                    round(u.absolute(), 6), round(u.pValue(), 6), u.verdict().code(), round(u.revenueDifference(), 2),
                    round(u.revenueInterval().low(), 2), round(u.revenueInterval().high(), 2),
                    round(c.riskDifference(), 6), round(c.pValue(), 6), round(c.revenueDifference(), 2));
        }
        return t.render(OutputFormat.CSV);
    }

    private static Map<String, Object> pooled(PooledStatistics.Pooled p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("campaigns", p.campaigns());
        m.put("uplift_abs", round(p.riskDifference(), 6));
        m.put("cmh_statistic", round(p.cmhStatistic(), 6));
        m.put("p_value", round(p.pValue(), 6));
        m.put("verdict", p.verdict().code());
        m.put("revenue_diff", round(p.revenueDifference(), 2));
        m.put("revenue_diff_low", round(p.revenueInterval().low(), 2));
        m.put("revenue_diff_high", round(p.revenueInterval().high(), 2));
        m.put("revenue_p_value", round(p.revenuePValue(), 6));
        m.put("expected_buyers", round(p.expectedBuyers(), 2));
        m.put("revenue_min_expected_buyers", UpliftStatistics.MIN_BUYERS);
        return m;
    }
}
