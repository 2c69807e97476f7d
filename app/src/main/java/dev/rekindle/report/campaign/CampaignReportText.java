package dev.rekindle.report.campaign;

import static dev.rekindle.report.Formats.count;
import static dev.rekindle.report.Formats.money;
import static dev.rekindle.report.Formats.pValue;
import static dev.rekindle.report.Formats.percent;
import static dev.rekindle.report.Formats.points;
import static dev.rekindle.report.Formats.signedMoney;
import static dev.rekindle.report.Formats.signedPercent;

import dev.rekindle.report.Formats;
import dev.rekindle.report.Labels;
import dev.rekindle.report.TextGrid;
import dev.rekindle.report.Timestamps;
import dev.rekindle.report.uplift.GroupOutcome;
import dev.rekindle.report.uplift.Interval;
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
        sb.append("Campaign ").append(c.id()).append(" · ").append(c.name()).append(" · strategy ").append(c.strategy())
                .append(c.status() == null ? "" : " · " + c.status()).append('\n');
        sb.append("Sent      ").append(Timestamps.minutes(r.sent().at())).append("  (").append(r.sent().source().text()).append(")\n");
        sb.append("Window    ").append(r.windowDays()).append(" days, to ").append(Timestamps.minutes(r.windowEnd()));
        if (r.complete()) {
            sb.append(": complete\n");
        } else {
            sb.append(String.format(Locale.ROOT, "%n          STILL OPEN: %.1f of %d days observed (until %s); the figures are what is known so far%n",
                    r.daysObserved(), r.windowDays(), Timestamps.minutes(r.evaluatedAt())));
        }
        Uplift o = r.overall();
        sb.append("Groups    ").append(count(o.contacted().customers())).append(" contacted (planned targets) · ")
                .append(count(o.holdout().customers())).append(" holdout · ").append(count(r.skipped()))
                .append(" skipped (not compared)\n\n");

        TextGrid groups = new TextGrid("group", ">customers", ">ordered", ">conversion", ">revenue", ">revenue/customer");
        groups.row(cells("contacted", o.contacted())).row(cells("holdout", o.holdout()));
        sb.append(groups.render()).append("\n\n");

        sb.append("Absolute uplift   ").append(points(o.absolute()))
                .append(interval(o.absoluteInterval(), Formats::points, "Newcombe score interval")).append('\n');
        sb.append("Relative uplift   ").append(signedPercent(o.relative()))
                .append(interval(o.relativeInterval(), Formats::signedPercent, "log risk ratio")).append('\n');
        sb.append("Significance      ").append(o.verdict().text());
        if (!Double.isNaN(o.pValue())) {
            sb.append("  (p = ").append(pValue(o.pValue())).append(", two-proportion z-test)");
        }
        if (o.reason() != null) {
            sb.append("\n                  ").append(o.reason());
        }
        sb.append('\n');
        sb.append("Revenue/customer  ").append(signedMoney(o.revenueDifference()))
                .append(interval(o.revenueInterval(), Formats::signedMoney, "Welch")).append('\n');

        if (r.segments().stream().allMatch(g -> g.key().equals("unknown"))) {
            sb.append("\nBy segment: not known (no segmentation snapshot; run segments refresh before planning)\n");
        } else {
            breakdown(sb, "By segment", "segment", r.segments());
        }
        breakdown(sb, "By stage", "stage", r.stages());
        sb.append("(").append(r.breakdownSource())
                .append("; with many groups, about one in twenty looks significant by chance alone)\n");
        channels(sb, r);
        return sb.toString().stripTrailing();
    }

    private static String[] cells(String name, GroupOutcome g) {
        return new String[]{name, count(g.customers()), count(g.buyers()), percent(g.rate()), money(g.revenue()),
                money(g.revenuePerCustomer())};
    }

    private static void breakdown(StringBuilder sb, String title, String column, List<CampaignReport.Group> groups) {
        sb.append('\n').append(title).append('\n');
        TextGrid t = new TextGrid(column, ">contacted", ">conv.", ">holdout", ">conv.", ">uplift", ">95% CI", ">p", "verdict");
        for (CampaignReport.Group g : groups) {
            Uplift u = g.uplift();
            t.row(Labels.of(g.key()), count(u.contacted().customers()), percent(u.contacted().rate()),
                    count(u.holdout().customers()), percent(u.holdout().rate()), points(u.absolute()),
                    range(u.absoluteInterval(), Formats::points), pValue(u.pValue()), u.verdict().text());
        }
        sb.append(t.render()).append('\n');
    }

    private static void channels(StringBuilder sb, CampaignReport r) {
        sb.append("\nBy channel (").append(r.messagesSource()).append(")\n");
        TextGrid t = new TextGrid("channel", ">contacted", ">holdout", ">messages", ">price", ">cost", ">extra revenue",
                ">95% CI", ">return per ¥1");
        boolean anyPrice = false;
        for (CampaignReport.ChannelReturn ch : r.channels()) {
            anyPrice |= ch.price() != null;
            t.row(ch.channel(), count(ch.uplift().contacted().customers()), count(ch.uplift().holdout().customers()),
                    count(ch.messages()), ch.price() == null ? Formats.UNKNOWN : Formats.price(ch.price()),
                    ch.cost() == null ? Formats.UNKNOWN : money(ch.cost()), signedMoney(ch.incrementalRevenue()),
                    range(ch.incrementalRevenueInterval(), Formats::signedMoney),
                    ch.returnPerCost() == null ? Formats.UNKNOWN : String.format(Locale.ROOT, "¥%.2f", ch.returnPerCost()));
        }
        sb.append(t.render()).append('\n');
        if (!anyPrice) {
            sb.append("(no price per message configured: set e.g. rekindle.report.price.sms=0.045 for cost and return)\n");
        }
    }

    private static String interval(Interval i, DoubleFunction<String> f, String method) {
        return i.known() ? "   95% CI " + f.apply(i.low()) + " … " + f.apply(i.high()) + "  (" + method + ")" : "";
    }

    private static String range(Interval i, DoubleFunction<String> f) {
        return i.known() ? f.apply(i.low()) + " … " + f.apply(i.high()) : Formats.UNKNOWN;
    }

    static boolean significant(Uplift u) {
        return u.verdict() == Verdict.HIGHER || u.verdict() == Verdict.LOWER;
    }
}
