package dev.rekindle.report.campaign;

import dev.rekindle.console.TextWidth;
import dev.rekindle.i18n.Tr;
import dev.rekindle.i18n.Vocabulary;
import static dev.rekindle.report.Formats.count;
import static dev.rekindle.report.Formats.money;
import static dev.rekindle.report.Formats.pValue;
import static dev.rekindle.report.Formats.percent;
import static dev.rekindle.report.Formats.points;
import static dev.rekindle.report.Formats.signedMoney;
import static dev.rekindle.report.Formats.signedPercent;

import dev.rekindle.report.Formats;
import dev.rekindle.console.OutputFormat;
import dev.rekindle.console.Table;
import dev.rekindle.report.Timestamps;
import dev.rekindle.report.uplift.GroupOutcome;
import dev.rekindle.report.uplift.Interval;
import dev.rekindle.report.uplift.Methods;
import dev.rekindle.report.uplift.Uplift;
import dev.rekindle.report.uplift.Verdict;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/** The report as an operator reads it in the console. */
final class CampaignReportText {

    private CampaignReportText() {
    }

    static String render(CampaignReport r) {
        StringBuilder sb = new StringBuilder();
        CampaignFacts c = r.campaign();
        sb.append(Tr.f("Campaign %d · %s · strategy %s", c.id(), c.name(), c.strategy()))
                .append(c.status() == null ? "" : " · " + c.status()).append('\n');
        label(sb, Tr.t("Sent"), 10).append(Timestamps.minutes(r.sent().at())).append("  ").append(Tr.f("(%s)", r.sent().source().text())).append('\n');
        label(sb, Tr.t("Window"), 10).append(Tr.f("%d days, to %s", r.windowDays(), Timestamps.minutes(r.windowEnd())));
        if (r.complete()) {
            sb.append(Tr.t(": complete")).append('\n');
        } else {
            sb.append("\n          ").append(Tr.f("STILL OPEN: %.1f of %d days observed (until %s); the figures are what is known so far",
                    r.daysObserved(), r.windowDays(), Timestamps.minutes(r.evaluatedAt()))).append('\n');
        }
        Uplift o = r.overall();
        label(sb, Tr.t("Groups"), 10).append(Tr.f("%s contacted (planned targets) · %s holdout · %s skipped (not compared)",
                count(o.contacted().customers()), count(o.holdout().customers()), count(r.skipped()))).append("\n\n");

        Table groups = new Table(Tr.t("group"), ">" + Tr.t("customers"), ">" + Tr.t("ordered"), ">" + Tr.t("conversion"),
                ">" + Tr.t("revenue"), ">" + Tr.t("revenue/customer"));
        groups.row(cells(Tr.t("contacted"), o.contacted())).row(cells(Tr.t("holdout"), o.holdout()));
        sb.append(groups.render(OutputFormat.TABLE)).append("\n\n");

        label(sb, Tr.t("Absolute uplift"), 18).append(points(o.absolute()))
                .append(interval(o.absoluteInterval(), Formats::points, Tr.t(Methods.DIFFERENCE_INTERVAL))).append('\n');
        label(sb, Tr.t("Relative uplift"), 18).append(signedPercent(o.relative()))
                .append(interval(o.relativeInterval(), Formats::signedPercent, Tr.t(Methods.RATIO_INTERVAL))).append('\n');
        label(sb, Tr.t("Significance"), 18).append(o.verdict().text());
        if (!Double.isNaN(o.pValue())) {
            sb.append("  ").append(Tr.f("(p = %s, %s)", pValue(o.pValue()), Tr.t(Methods.CONVERSION_TEST)));
        }
        if (o.reason() != null) {
            sb.append("\n                  ").append(o.reasonText());
        }
        sb.append('\n');
        label(sb, Tr.t("Revenue/customer"), 18);
        if (o.revenueKnown()) {
            sb.append(signedMoney(o.revenueDifference()))
                    .append(interval(o.revenueInterval(), Formats::signedMoney, Tr.t(Methods.REVENUE)))
                    .append("  p = ").append(pValue(o.revenuePValue())).append('\n');
        } else {
            sb.append(o.revenueReasonText()).append('\n');
        }

        if (r.segments().stream().allMatch(g -> g.key().equals("unknown"))) {
            sb.append('\n').append(Tr.t("By segment: not known (no segmentation snapshot; run segments refresh before planning)")).append('\n');
        } else {
            breakdown(sb, Tr.t("By segment"), Tr.t("segment"), r.segments());
        }
        breakdown(sb, Tr.t("By stage"), Tr.t("stage"), r.stages());
        sb.append(Tr.f("(%s; p and verdicts %s, intervals unadjusted 95%%)", r.breakdownSource().shown(), Tr.t(Methods.ADJUSTMENT))).append('\n');
        channels(sb, r);
        return sb.toString().stripTrailing();
    }

    private static String[] cells(String name, GroupOutcome g) {
        return new String[]{name, count(g.customers()), count(g.buyers()), percent(g.rate()), money(g.revenue()),
                money(g.revenuePerCustomer())};
    }

    private static void breakdown(StringBuilder sb, String title, String column, List<CampaignReport.Group> groups) {
        sb.append('\n').append(title).append('\n');
        Table t = new Table(column, ">" + Tr.t("contacted"), ">" + Tr.t("conv."), ">" + Tr.t("holdout"), ">" + Tr.t("conv."),
                ">" + Tr.t("uplift"), ">" + Tr.t("95% CI"), ">" + Tr.t("p (Holm)"), Tr.t("verdict"));
        for (CampaignReport.Group g : groups) {
            Uplift u = g.uplift();
            t.row(Vocabulary.nameOf(g.key()), count(u.contacted().customers()), percent(u.contacted().rate()),
                    count(u.holdout().customers()), percent(u.holdout().rate()), points(u.absolute()),
                    range(u.absoluteInterval(), Formats::points), pValue(u.decidingPValue()), u.verdict().text());
        }
        sb.append(t.render(OutputFormat.TABLE)).append('\n');
    }

    private static void channels(StringBuilder sb, CampaignReport r) {
        sb.append('\n').append(Tr.f("By channel (%s)", r.messagesSource().shown())).append('\n');
        Table t = new Table(Tr.t("channel"), ">" + Tr.t("contacted"), ">" + Tr.t("holdout"), ">" + Tr.t("messages"),
                ">" + Tr.t("price"), ">" + Tr.t("cost"), ">" + Tr.t("extra revenue"), ">" + Tr.t("95% CI"), ">" + Tr.t("return per ¥1"));
        boolean anyPrice = false;
        for (CampaignReport.ChannelReturn ch : r.channels()) {
            anyPrice |= ch.price() != null;
            t.row(ch.channel(), count(ch.uplift().contacted().customers()), count(ch.uplift().holdout().customers()),
                    count(ch.messages()), ch.price() == null ? Formats.UNKNOWN : Formats.price(ch.price()),
                    ch.cost() == null ? Formats.UNKNOWN : money(ch.cost()),
                    ch.uplift().revenueKnown() ? signedMoney(ch.incrementalRevenue()) : Tr.t("too few buyers to say"),
                    range(ch.incrementalRevenueInterval(), Formats::signedMoney),
                    ch.returnPerCost() == null ? Formats.UNKNOWN : String.format(Locale.ROOT, "¥%.2f", ch.returnPerCost()));
        }
        sb.append(t.render(OutputFormat.TABLE)).append('\n');
        sb.append(Tr.f("(extra revenue: %s, shown with at least %d buyers expected in each group)", Tr.t(Methods.REVENUE),
                dev.rekindle.report.uplift.UpliftStatistics.MIN_BUYERS)).append('\n');
        if (!anyPrice) {
            sb.append(Tr.t("(no price per message configured: set e.g. rekindle.report.price.sms=0.045 for cost and return)")).append('\n');
        }
    }

    private static String interval(Interval i, DoubleFunction<String> f, String method) {
        return i.known() ? "   " + Tr.t("95% CI") + " " + f.apply(i.low()) + " … " + f.apply(i.high()) + "  " + Tr.f("(%s)", method) : "";
    }

    private static String range(Interval i, DoubleFunction<String> f) {
        return i.known() ? f.apply(i.low()) + " … " + f.apply(i.high()) : Formats.UNKNOWN;
    }

    /** A label padded by display width. */
    private static StringBuilder label(StringBuilder sb, String label, int width) {
        return sb.append(TextWidth.pad(label, width));
    }

    static boolean significant(Uplift u) {
        return u.verdict() == Verdict.HIGHER || u.verdict() == Verdict.LOWER;
    }
}
