package dev.rekindle.report.html;

import dev.rekindle.api.Stage;
import dev.rekindle.i18n.Tr;
import dev.rekindle.i18n.Vocabulary;
import dev.rekindle.report.Formats;
import dev.rekindle.report.Timestamps;
import dev.rekindle.report.campaign.CampaignReport;
import dev.rekindle.report.campaign.StrategyReport;
import dev.rekindle.report.uplift.PooledStatistics;
import dev.rekindle.report.svg.BarChart;
import dev.rekindle.report.svg.HeatMap;
import dev.rekindle.report.svg.IntervalChart;
import dev.rekindle.report.svg.LineChart;
import dev.rekindle.report.svg.Palette;
import dev.rekindle.report.uplift.Interval;
import dev.rekindle.report.uplift.ProportionIntervals;
import dev.rekindle.report.uplift.Methods;
import dev.rekindle.report.uplift.Uplift;
import dev.rekindle.report.uplift.UpliftStatistics;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes the report page. Everything is inline: CSS in a style element, charts as SVG. The
 * Content-Security-Policy forbids every external load (and scripts), so a page that tried one would show a
 * console error in the rendering test. Chinese text uses the fonts the reader has: a stack of common CJK
 * fonts on Windows, macOS and Linux, none embedded.
 */
public final class HtmlReport {

    static final String FONTS = "\"PingFang SC\", \"Hiragino Sans GB\", \"Microsoft YaHei\", \"Noto Sans CJK SC\", "
            + "\"Source Han Sans SC\", \"WenQuanYi Micro Hei\", \"Heiti SC\", \"SimHei\", \"Helvetica Neue\", Arial, sans-serif";
    private static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("MM-dd");

    private HtmlReport() {
    }

    public static String render(String shopName, LocalDateTime generatedAt, ShopFigures f, Optional<CampaignReport> campaign) {
        return render(shopName, generatedAt, f, campaign, Optional.empty());
    }

    public static String render(String shopName, LocalDateTime generatedAt, ShopFigures f, Optional<CampaignReport> campaign,
            Optional<StrategyReport> strategy) {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(shopName)).append(" · 客户报告 Customer report · ").append(f.asOf()).append("</title>\n")
                .append("<style>").append(css()).append("</style>\n</head>\n<body>\n");
        h.append("<header><h1>").append(esc(shopName)).append(" · 客户报告 <span class=\"en\">Customer report</span></h1>\n")
                .append("<p class=\"meta\">截至 as of ").append(f.asOf()).append(" · 生成于 generated ")
                .append(Timestamps.minutes(generatedAt)).append("</p></header>\n");
        keyFigures(h, f);
        lifecycle(h, f.lifecycle());
        rfm(h, f.rfm());
        inflow(h, f.inflow());
        months(h, f.months());
        campaign.ifPresent(c -> campaign(h, c));
        strategy.ifPresent(r -> strategy(h, r));
        h.append("<footer><p>Rekindle · 本页自包含，无脚本、无外部资源 self-contained: no scripts, no external resources.</p></footer>\n")
                .append("</body>\n</html>\n");
        return h.toString();
    }

    /** A stage's colour in the charts; anything else grey. */
    private static String colour(String stageCode) {
        return Vocabulary.stage(stageCode).map(s -> switch (s) {
            case ACTIVE -> Palette.GREEN;
            case SILENT -> Palette.BLUE;
            case SLEEPING -> Palette.PURPLE;
            case LOST -> Palette.ORANGE;
            case GONE -> Palette.RED;
            case NONE -> Palette.GREY;
        }).orElse(Palette.GREY);
    }

    private static void keyFigures(StringBuilder h, ShopFigures f) {
        long customers = f.lifecycle().customers().values().stream().mapToLong(Long::longValue).sum();
        long buyers = customers - f.lifecycle().customers().getOrDefault(Stage.NONE.code(), 0L);
        double revenue = f.months().stream().mapToDouble(ShopFigures.Month::revenue).sum();
        long orders = f.months().stream().mapToLong(ShopFigures.Month::orders).sum();
        h.append("<section class=\"figures\">");
        figure(h, "客户 customers", Formats.count(customers));
        figure(h, "已购买 buyers", Formats.count(buyers));
        figure(h, "近12个月订单 orders, 12 months", Formats.count(orders));
        figure(h, "近12个月销售额 revenue, 12 months", Formats.money(revenue));
        h.append("</section>\n");
    }

    private static void figure(StringBuilder h, String label, String value) {
        h.append("<div class=\"figure\"><div class=\"value\">").append(esc(value)).append("</div><div class=\"label\">")
                .append(esc(label)).append("</div></div>");
    }

    private static void lifecycle(StringBuilder h, ShopFigures.Lifecycle l) {
        List<BarChart.Bar> bars = new ArrayList<>();
        l.customers().forEach((stage, n) -> bars.add(BarChart.Bar.of(Vocabulary.bilingual(stage), n, colour(stage))));
        section(h, "lifecycle", "生命周期分布 Lifecycle stages",
                BarChart.render("各阶段客户数 customers per stage", "客户 customers", bars, v -> Formats.count(Math.round(v)), 760, 300),
                Tr.f("来源 source: %s.", l.source()));
    }

    private static void rfm(StringBuilder h, ShopFigures.Rfm r) {
        String[] scores = {"1", "2", "3", "4", "5"};
        section(h, "rfm", "RFM 热力图 RFM heat map",
                HeatMap.render("R × F 客户数 customers", "R 最近购买 recency (5 = most recent)", "F 购买频次 frequency (5 = most)",
                        r.counts(), scores, scores),
                Tr.f("%s customers scored. Equal values share a score, so a score can stay empty "
                        + "(e.g. F when most customers bought once). 来源 source: %s.", Formats.count(r.total()), r.source()));
    }

    private static void inflow(StringBuilder h, ShopFigures.Inflow in) {
        List<LineChart.Series> series = new ArrayList<>();
        in.byStage().forEach((stage, weekly) -> series.add(new LineChart.Series(Vocabulary.bilingual(stage),
                colour(stage), java.util.Arrays.stream(weekly).asDoubleStream().toArray())));
        List<String> labels = in.weeks().stream().map(WEEK::format).toList();
        section(h, "inflow", "各阶段流入 Inflow into each stage",
                LineChart.render("每周进入各阶段的客户 customers entering each stage per week", "客户 customers", labels, series,
                        v -> Formats.count(Math.round(v)), 760, 300),
                Tr.t("A customer whose last purchase was on day L turns silent on L + 90, sleeping on L + 180, lost on L + 270 "
                        + "and gone on L + 365 (default thresholds); counted from each customer's current last order, so "
                        + "customers who came back since are not counted. Weeks start on the dates shown."));
    }

    private static void months(StringBuilder h, List<ShopFigures.Month> months) {
        List<String> labels = months.stream().map(m -> m.month().toString()).toList();
        List<BarChart.Bar> revenue = months.stream().map(m -> BarChart.Bar.of(m.month().toString().substring(2), m.revenue(), Palette.BLUE)).toList();
        double[] aov = months.stream().mapToDouble(ShopFigures.Month::averageOrder).toArray();
        double[] repeat = months.stream().mapToDouble(ShopFigures.Month::repeatRate).toArray();
        StringBuilder charts = new StringBuilder();
        charts.append(BarChart.render("销售额 revenue", "元 yuan", revenue, v -> shortMoney(v), 760, 280));
        charts.append(LineChart.render("客单值 average order value", "元 yuan", labels,
                List.of(new LineChart.Series("AOV 客单值", Palette.ORANGE, aov)), v -> String.format(Locale.ROOT, "¥%.0f", v), 370, 240));
        charts.append(LineChart.render("复购率 repeat purchase rate", "", labels,
                List.of(new LineChart.Series("复购率 repeat", Palette.GREEN, repeat)), v -> String.format(Locale.ROOT, "%.1f%%", v * 100), 370, 240));
        StringBuilder table = new StringBuilder("<table class=\"data\"><thead><tr><th>月份 month</th><th>买家 buyers</th>"
                + "<th>复购 repeat buyers</th><th>复购率 repeat rate</th><th>订单 orders</th><th>客单值 AOV</th><th>销售额 revenue</th></tr></thead><tbody>");
        for (ShopFigures.Month m : months) {
            table.append("<tr><td>").append(m.month()).append("</td><td>").append(Formats.count(m.customers())).append("</td><td>")
                    .append(Formats.count(m.repeaters())).append("</td><td>").append(Formats.percent(m.repeatRate())).append("</td><td>")
                    .append(Formats.count(m.orders())).append("</td><td>").append(Formats.money(m.averageOrder())).append("</td><td>")
                    .append(Formats.money(m.revenue())).append("</td></tr>");
        }
        table.append("</tbody></table>");
        section(h, "months", "月度指标 Metrics by month", charts + table.toString(),
                Tr.t("Purchases are paid or completed orders. Repeat purchase rate = buyers with more than one order in the month "
                        + "÷ buyers with at least one; AOV (客单值) = revenue ÷ orders."));
    }

    private static void campaign(StringBuilder h, CampaignReport r) {
        Uplift o = r.overall();
        StringBuilder body = new StringBuilder();
        body.append("<p class=\"headline\">").append(esc(headline(r))).append("</p>\n");
        Interval wc = ProportionIntervals.wilson(o.contacted().buyers(), o.contacted().customers(), 1.959963984540054);
        Interval wh = ProportionIntervals.wilson(o.holdout().buyers(), o.holdout().customers(), 1.959963984540054);
        body.append(BarChart.render("转化率 conversion (95% Wilson interval)", "", List.of(
                new BarChart.Bar("已触达 contacted (" + Formats.count(o.contacted().customers()) + ")", o.contacted().rate(), wc.low(), wc.high(), Palette.BLUE),
                new BarChart.Bar("对照组 holdout (" + Formats.count(o.holdout().customers()) + ")", o.holdout().rate(), wh.low(), wh.high(), Palette.GREY)),
                v -> String.format(Locale.ROOT, "%.1f%%", v * 100), 420, 280));
        List<IntervalChart.Row> rows = new ArrayList<>();
        rows.add(row("全部 all", o));
        r.segments().stream().filter(g -> !g.key().equals("unknown")).forEach(g -> rows.add(row(Vocabulary.bilingual(g.key()), g.uplift())));
        r.stages().forEach(g -> rows.add(row(Vocabulary.bilingual(g.key()), g.uplift())));
        body.append(IntervalChart.render("转化提升 conversion uplift, percentage points (95% Newcombe interval)", "百分点 percentage points",
                rows, v -> String.format(Locale.ROOT, "%+.1f", v * 100), 760));
        body.append(channelTable(r));
        section(h, "campaign", "活动效果 Campaign " + r.campaign().id() + " · " + r.campaign().name(), body.toString(),
                Tr.f("Sent %s (%s); window %d days", Timestamps.minutes(r.sent().at()), r.sent().source().text(), r.windowDays())
                        + (r.complete() ? "" : Tr.f(", still open: %s days observed, figures are what is known so far", r.daysObserved()))
                        + Tr.f(". Contacted = every planned target, delivered or not; skipped members (%s) are not compared. "
                                + "Methods: significance %s at 5%%; uplift %s; relative uplift %s; revenue per customer %s "
                                + "(at least %d buyers expected in each group); breakdown verdicts %s. %s.", Formats.count(r.skipped()),
                                Tr.t(Methods.CONVERSION_TEST), Tr.t(Methods.DIFFERENCE_INTERVAL), Tr.t(Methods.RATIO_INTERVAL),
                                Tr.t(Methods.REVENUE), UpliftStatistics.MIN_BUYERS, Tr.t(Methods.ADJUSTMENT), r.breakdownSource().shown()));
    }

    /** A strategy's campaigns: each one's uplift and the pooled uplift so far, in send order, then the pooled table. */
    private static void strategy(StringBuilder h, StrategyReport r) {
        List<String> labels = new ArrayList<>();
        double[] own = new double[r.campaigns().size()];
        double[] pooled = new double[r.campaigns().size()];
        StringBuilder rows = new StringBuilder("<table class=\"data\"><thead><tr><th>活动 campaign</th><th>发送 sent</th>"
                + "<th>已触达 contacted</th><th>对照 holdout</th><th>提升 uplift</th><th>p</th><th>累计合并 pooled so far</th>"
                + "<th>累计 p pooled p</th></tr></thead><tbody>");
        for (int i = 0; i < r.campaigns().size(); i++) {
            StrategyReport.Row row = r.campaigns().get(i);
            labels.add("#" + row.campaign().id());
            own[i] = row.uplift().absolute();
            pooled[i] = row.cumulative().riskDifference();
            rows.append("<tr><td>#").append(row.campaign().id()).append(row.windowComplete() ? "" : "*").append("</td><td>")
                    .append(Timestamps.minutes(row.sent().at())).append("</td><td>")
                    .append(Formats.count(row.uplift().contacted().buyers())).append('/').append(Formats.count(row.uplift().contacted().customers()))
                    .append("</td><td>").append(Formats.count(row.uplift().holdout().buyers())).append('/')
                    .append(Formats.count(row.uplift().holdout().customers())).append("</td><td>")
                    .append(esc(Formats.points(row.uplift().absolute()))).append("</td><td>").append(Formats.pValue(row.uplift().pValue()))
                    .append("</td><td>").append(esc(Formats.points(row.cumulative().riskDifference()))).append("</td><td>")
                    .append(Formats.pValue(row.cumulative().pValue())).append("</td></tr>");
        }
        rows.append("</tbody></table>");
        PooledStatistics.Pooled p = r.pooled();
        StringBuilder body = new StringBuilder();
        body.append("<p class=\"headline\">").append(esc(Tr.f("All %d campaigns, stratified by campaign:", p.campaigns())))
                .append(' ').append(esc(Tr.f("Conversion uplift %s (Mantel-Haenszel risk difference)", Formats.points(p.riskDifference()))))
                .append(", ").append(esc(Tr.f("Significance %s (p = %s, %s)", p.verdict().text(), Formats.pValue(p.pValue()),
                        Tr.t(Methods.POOLED_CONVERSION)))).append("; ").append(esc(Tr.t("Revenue/customer"))).append(' ')
                .append(esc(p.revenueKnown() ? Tr.f("%s, 95%% CI %s … %s (p = %s, %s)", Formats.signedMoney(p.revenueDifference()),
                        Formats.signedMoney(p.revenueInterval().low()), Formats.signedMoney(p.revenueInterval().high()),
                        Formats.pValue(p.revenuePValue()), Tr.t(Methods.POOLED_REVENUE)) : p.revenueReasonText())).append("</p>");
        body.append(LineChart.render("累计效果 Cumulative uplift (pts)", "pts", labels,
                List.of(new LineChart.Series("累计合并 pooled so far", Palette.BLUE, pooled),
                        new LineChart.Series("单个活动 each campaign", Palette.GREY, own)),
                v -> String.format(Locale.ROOT, "%+.1f", v * 100), 760, 300));
        body.append(rows);
        section(h, "strategy", "策略效果 Strategy " + r.strategy(), body.toString(),
                Tr.t("* window still open: figures are what is known so far"));
    }

    private static String headline(CampaignReport r) {
        Uplift o = r.overall();
        StringBuilder s = new StringBuilder();
        s.append(r.complete() ? "" : "窗口未结束 window still open — ");
        s.append(Tr.f("已触达 contacted %s vs 对照组 holdout %s: uplift %s",
                Formats.percent(o.contacted().rate()), Formats.percent(o.holdout().rate()), Formats.points(o.absolute())));
        if (o.absoluteInterval().known()) {
            s.append(Tr.f(" (95%% CI %s … %s)", Formats.points(o.absoluteInterval().low()), Formats.points(o.absoluteInterval().high())));
        }
        s.append(Tr.f(", relative %s", Formats.signedPercent(o.relative())));
        if (o.relativeInterval().known()) {
            s.append(Tr.f(" (%s … %s)", Formats.signedPercent(o.relativeInterval().low()), Formats.signedPercent(o.relativeInterval().high())));
        }
        if (o.revenueKnown()) {
            s.append(Tr.f("; revenue per customer %s (95%% CI %s … %s)", Formats.signedMoney(o.revenueDifference()),
                    Formats.signedMoney(o.revenueInterval().low()), Formats.signedMoney(o.revenueInterval().high())));
        } else {
            s.append(Tr.f("; revenue per customer: %s", o.revenueReasonText()));
        }
        s.append(Tr.f(". %s", o.verdict().text()));
        if (!Double.isNaN(o.pValue())) s.append(Tr.f(" (p = %s)", Formats.pValue(o.pValue())));
        if (o.reason() != null) s.append(Tr.f(": %s", o.reasonText()));
        return s.append(Tr.t(".")).toString();
    }

    private static IntervalChart.Row row(String label, Uplift u) {
        String note = u.verdict() == dev.rekindle.report.uplift.Verdict.NOT_ENOUGH_DATA ? Tr.t("not enough data")
                : Double.isNaN(u.adjustedPValue()) ? null : Tr.f("p (Holm) %s", Formats.pValue(u.adjustedPValue()));
        return new IntervalChart.Row(label + " (" + Formats.count(u.contacted().customers()) + "/" + Formats.count(u.holdout().customers()) + ")",
                u.absolute(), u.absoluteInterval().low(), u.absoluteInterval().high(), note);
    }

    private static String channelTable(CampaignReport r) {
        StringBuilder t = new StringBuilder("<table class=\"data\"><thead><tr><th>渠道 channel</th><th>已触达 contacted</th>"
                + "<th>对照 holdout</th><th>消息 messages</th><th>单价 price</th><th>成本 cost</th><th>增量销售额 extra revenue (95% CI)</th>"
                + "<th>每元回报 return per ¥1</th></tr></thead><tbody>");
        for (CampaignReport.ChannelReturn ch : r.channels()) {
            Interval i = ch.incrementalRevenueInterval();
            t.append("<tr><td>").append(esc(ch.channel())).append("</td><td>").append(Formats.count(ch.uplift().contacted().customers()))
                    .append("</td><td>").append(Formats.count(ch.uplift().holdout().customers())).append("</td><td>")
                    .append(Formats.count(ch.messages())).append("</td><td>").append(ch.price() == null ? "—" : Formats.price(ch.price()))
                    .append("</td><td>").append(ch.cost() == null ? "—" : Formats.money(ch.cost())).append("</td><td>")
                    .append(esc(ch.uplift().revenueKnown() ? Formats.signedMoney(ch.incrementalRevenue()) : Tr.t("too few buyers to say")))
                    .append(i.known() ? " (" + esc(Formats.signedMoney(i.low()))
                            + " … " + esc(Formats.signedMoney(i.high())) + ")" : "").append("</td><td>")
                    .append(ch.returnPerCost() == null ? "—" : String.format(Locale.ROOT, "¥%.2f", ch.returnPerCost())).append("</td></tr>");
        }
        return t.append("</tbody></table><p class=\"note\">")
                .append(esc(r.messagesSource().shown() + Tr.t(". Prices per message: rekindle.report.price.<channel>."))).append("</p>").toString();
    }

    private static void section(StringBuilder h, String id, String title, String body, String note) {
        h.append("<section class=\"card\" id=\"").append(id).append("\"><h2>").append(esc(title)).append("</h2>\n")
                .append("<div class=\"charts\">").append(body).append("</div>\n<p class=\"note\">").append(esc(note)).append("</p></section>\n");
    }

    private static String shortMoney(double v) {
        double a = Math.abs(v);
        if (a >= 10_000) return String.format(Locale.ROOT, "¥%.1f万", v / 10_000);
        return String.format(Locale.ROOT, "¥%.0f", v);
    }

    private static String css() {
        return "body{font-family:" + FONTS + ";color:#333;background:#f6f7f9;margin:0;padding:24px;line-height:1.5}"
                + "header h1{font-size:24px;margin:0 0 4px}header .en{color:#777;font-weight:normal}.meta{color:#777;margin:0 0 16px}"
                + ".figures{display:flex;flex-wrap:wrap;gap:12px;margin-bottom:16px}"
                + ".figure{background:#fff;border-radius:8px;padding:12px 18px;min-width:160px;box-shadow:0 1px 2px rgba(0,0,0,.08)}"
                + ".figure .value{font-size:22px;font-weight:bold}.figure .label{color:#777;font-size:13px}"
                + ".card{background:#fff;border-radius:8px;padding:16px 20px;margin-bottom:16px;box-shadow:0 1px 2px rgba(0,0,0,.08)}"
                + ".card h2{font-size:18px;margin:0 0 8px}.charts{display:flex;flex-wrap:wrap;gap:12px;align-items:flex-start}"
                + "svg.chart{max-width:100%;height:auto;font-family:inherit}.note{color:#777;font-size:13px;margin:8px 0 0}"
                + ".headline{font-size:15px;margin:0 0 8px;flex-basis:100%}"
                + "table.data{border-collapse:collapse;font-size:13px;margin-top:8px}"
                + "table.data th,table.data td{border-bottom:1px solid #eee;padding:4px 10px;text-align:right}"
                + "table.data th:first-child,table.data td:first-child{text-align:left}footer{color:#999;font-size:12px}"
                + "@media print{body{background:#fff}.card{box-shadow:none;border:1px solid #ddd}}";
    }

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
