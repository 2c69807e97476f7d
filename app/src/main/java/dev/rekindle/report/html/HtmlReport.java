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
import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the report page: the figures become a model of plain texts, numbers formatted and charts drawn as
 * SVG here, and the page is the FreeMarker template {@code report/shop-report.ftlh}, which escapes every
 * text (a shop or campaign called {@code <script>} stays text). Everything is inline: CSS in a style
 * element, charts as SVG. The Content-Security-Policy forbids every external load (and scripts), so a page
 * that tried one would show a console error in the rendering test. Chinese text uses the fonts the reader
 * has: a stack of common CJK fonts on Windows, macOS and Linux, none embedded.
 */
public final class HtmlReport {

    static final String FONTS = "\"PingFang SC\", \"Hiragino Sans GB\", \"Microsoft YaHei\", \"Noto Sans CJK SC\", "
            + "\"Source Han Sans SC\", \"WenQuanYi Micro Hei\", \"Heiti SC\", \"SimHei\", \"Helvetica Neue\", Arial, sans-serif";
    private static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("MM-dd");
    private static final Configuration FREEMARKER = freemarker();

    private HtmlReport() {
    }

    public static String render(String shopName, LocalDateTime generatedAt, ShopFigures f, Optional<CampaignReport> campaign) {
        return render(shopName, generatedAt, f, campaign, Optional.empty());
    }

    public static String render(String shopName, LocalDateTime generatedAt, ShopFigures f, Optional<CampaignReport> campaign,
            Optional<StrategyReport> strategy) {
        List<Map<String, Object>> sections = new ArrayList<>();
        sections.add(lifecycle(f.lifecycle()));
        sections.add(rfm(f.rfm()));
        sections.add(inflow(f.inflow()));
        sections.add(months(f.months()));
        campaign.ifPresent(c -> sections.add(campaign(c)));
        strategy.ifPresent(r -> sections.add(strategy(r)));
        Map<String, Object> page = new HashMap<>();
        page.put("shop", shopName == null ? "" : shopName);
        page.put("asOf", f.asOf().toString());
        page.put("generated", Timestamps.minutes(generatedAt));
        page.put("fonts", FONTS);
        page.put("figures", keyFigures(f));
        page.put("sections", sections);
        StringWriter out = new StringWriter(64 * 1024);
        try {
            FREEMARKER.getTemplate("shop-report.ftlh").process(page, out);
        } catch (IOException | TemplateException e) {
            // the template is part of the jar: a failure here is a bug, not something the operator can fix
            throw new IllegalStateException("the report template failed: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private static Configuration freemarker() {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setClassForTemplateLoading(HtmlReport.class, "/report");
        cfg.setDefaultEncoding("UTF-8");
        cfg.setOutputFormat(HTMLOutputFormat.INSTANCE);
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setAPIBuiltinEnabled(false);
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        // every value is text already formatted here: FreeMarker formats nothing by its locale
        cfg.setLocale(Locale.ROOT);
        return cfg;
    }

    /** A card of the page: title, an optional headline, charts (SVG), an optional table with its note, and the source note. */
    private static Map<String, Object> section(String id, String title, String headline, List<String> charts,
            Map<String, Object> table, String tableNote, String note) {
        Map<String, Object> s = new HashMap<>();
        s.put("id", id);
        s.put("title", title);
        if (headline != null) s.put("headline", headline);
        s.put("charts", charts);
        if (table != null) s.put("table", table);
        if (tableNote != null) s.put("tableNote", tableNote);
        s.put("note", note);
        return s;
    }

    private static Map<String, Object> table(List<String> head, List<List<String>> rows) {
        return Map.of("head", head, "rows", rows);
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

    private static List<Map<String, String>> keyFigures(ShopFigures f) {
        long customers = f.lifecycle().customers().values().stream().mapToLong(Long::longValue).sum();
        long buyers = customers - f.lifecycle().customers().getOrDefault(Stage.NONE.code(), 0L);
        double revenue = f.months().stream().mapToDouble(ShopFigures.Month::revenue).sum();
        long orders = f.months().stream().mapToLong(ShopFigures.Month::orders).sum();
        return List.of(figure("客户 customers", Formats.count(customers)), figure("已购买 buyers", Formats.count(buyers)),
                figure("近12个月订单 orders, 12 months", Formats.count(orders)),
                figure("近12个月销售额 revenue, 12 months", Formats.money(revenue)));
    }

    private static Map<String, String> figure(String label, String value) {
        return Map.of("label", label, "value", value);
    }

    private static Map<String, Object> lifecycle(ShopFigures.Lifecycle l) {
        List<BarChart.Bar> bars = new ArrayList<>();
        l.customers().forEach((stage, n) -> bars.add(BarChart.Bar.of(Vocabulary.bilingual(stage), n, colour(stage))));
        return section("lifecycle", "生命周期分布 Lifecycle stages", null,
                List.of(BarChart.render("各阶段客户数 customers per stage", "客户 customers", bars, v -> Formats.count(Math.round(v)), 760, 300)),
                null, null, Tr.f("来源 source: %s.", l.source()));
    }

    private static Map<String, Object> rfm(ShopFigures.Rfm r) {
        String[] scores = {"1", "2", "3", "4", "5"};
        return section("rfm", "RFM 热力图 RFM heat map", null,
                List.of(HeatMap.render("R × F 客户数 customers", "R 最近购买 recency (5 = most recent)", "F 购买频次 frequency (5 = most)",
                        r.counts(), scores, scores)),
                null, null, Tr.f("%s customers scored. Equal values share a score, so a score can stay empty "
                        + "(e.g. F when most customers bought once). 来源 source: %s.", Formats.count(r.total()), r.source()));
    }

    private static Map<String, Object> inflow(ShopFigures.Inflow in) {
        List<LineChart.Series> series = new ArrayList<>();
        in.byStage().forEach((stage, weekly) -> series.add(new LineChart.Series(Vocabulary.bilingual(stage),
                colour(stage), java.util.Arrays.stream(weekly).asDoubleStream().toArray())));
        List<String> labels = in.weeks().stream().map(WEEK::format).toList();
        return section("inflow", "各阶段流入 Inflow into each stage", null,
                List.of(LineChart.render("每周进入各阶段的客户 customers entering each stage per week", "客户 customers", labels, series,
                        v -> Formats.count(Math.round(v)), 760, 300)),
                null, null, Tr.t("A customer whose last purchase was on day L turns silent on L + 90, sleeping on L + 180, lost on L + 270 "
                        + "and gone on L + 365 (default thresholds); counted from each customer's current last order, so "
                        + "customers who came back since are not counted. Weeks start on the dates shown."));
    }

    private static Map<String, Object> months(List<ShopFigures.Month> months) {
        List<String> labels = months.stream().map(m -> m.month().toString()).toList();
        List<BarChart.Bar> revenue = months.stream().map(m -> BarChart.Bar.of(m.month().toString().substring(2), m.revenue(), Palette.BLUE)).toList();
        double[] aov = months.stream().mapToDouble(ShopFigures.Month::averageOrder).toArray();
        double[] repeat = months.stream().mapToDouble(ShopFigures.Month::repeatRate).toArray();
        List<String> charts = List.of(
                BarChart.render("销售额 revenue", "元 yuan", revenue, v -> shortMoney(v), 760, 280),
                LineChart.render("客单值 average order value", "元 yuan", labels,
                        List.of(new LineChart.Series("AOV 客单值", Palette.ORANGE, aov)), v -> String.format(Locale.ROOT, "¥%.0f", v), 370, 240),
                LineChart.render("复购率 repeat purchase rate", "", labels,
                        List.of(new LineChart.Series("复购率 repeat", Palette.GREEN, repeat)), v -> String.format(Locale.ROOT, "%.1f%%", v * 100), 370, 240));
        List<List<String>> rows = months.stream().map(m -> List.of(m.month().toString(), Formats.count(m.customers()),
                Formats.count(m.repeaters()), Formats.percent(m.repeatRate()), Formats.count(m.orders()),
                Formats.money(m.averageOrder()), Formats.money(m.revenue()))).toList();
        return section("months", "月度指标 Metrics by month", null, charts,
                table(List.of("月份 month", "买家 buyers", "复购 repeat buyers", "复购率 repeat rate", "订单 orders", "客单值 AOV",
                        "销售额 revenue"), rows), null,
                Tr.t("Purchases are paid or completed orders. Repeat purchase rate = buyers with more than one order in the month "
                        + "÷ buyers with at least one; AOV (客单值) = revenue ÷ orders."));
    }

    private static Map<String, Object> campaign(CampaignReport r) {
        Uplift o = r.overall();
        Interval wc = ProportionIntervals.wilson(o.contacted().buyers(), o.contacted().customers(), 1.959963984540054);
        Interval wh = ProportionIntervals.wilson(o.holdout().buyers(), o.holdout().customers(), 1.959963984540054);
        List<IntervalChart.Row> rows = new ArrayList<>();
        rows.add(row("全部 all", o));
        r.segments().stream().filter(g -> !g.key().equals("unknown")).forEach(g -> rows.add(row(Vocabulary.bilingual(g.key()), g.uplift())));
        r.stages().forEach(g -> rows.add(row(Vocabulary.bilingual(g.key()), g.uplift())));
        List<String> charts = List.of(
                BarChart.render("转化率 conversion (95% Wilson interval)", "", List.of(
                        new BarChart.Bar("已触达 contacted (" + Formats.count(o.contacted().customers()) + ")", o.contacted().rate(), wc.low(), wc.high(), Palette.BLUE),
                        new BarChart.Bar("对照组 holdout (" + Formats.count(o.holdout().customers()) + ")", o.holdout().rate(), wh.low(), wh.high(), Palette.GREY)),
                        v -> String.format(Locale.ROOT, "%.1f%%", v * 100), 420, 280),
                IntervalChart.render("转化提升 conversion uplift, percentage points (95% Newcombe interval)", "百分点 percentage points",
                        rows, v -> String.format(Locale.ROOT, "%+.1f", v * 100), 760));
        return section("campaign", "活动效果 Campaign " + r.campaign().id() + " · " + r.campaign().name(), headline(r), charts,
                channelTable(r), r.messagesSource().shown() + Tr.t(". Prices per message: rekindle.report.price.<channel>."),
                Tr.f("Sent %s (%s); window %d days", Timestamps.minutes(r.sent().at()), r.sent().source().text(), r.windowDays())
                        + (r.complete() ? "" : Tr.f(", still open: %s days observed, figures are what is known so far", r.daysObserved()))
                        + Tr.f(". Contacted = every planned target, delivered or not; skipped members (%s) are not compared. "
                                + "Methods: significance %s at 5%%; uplift %s; relative uplift %s; revenue per customer %s "
                                + "(at least %d buyers expected in each group); breakdown verdicts %s. %s.", Formats.count(r.skipped()),
                                Tr.t(Methods.CONVERSION_TEST), Tr.t(Methods.DIFFERENCE_INTERVAL), Tr.t(Methods.RATIO_INTERVAL),
                                Tr.t(Methods.REVENUE), UpliftStatistics.MIN_BUYERS, Tr.t(Methods.ADJUSTMENT), r.breakdownSource().shown()));
    }

    /** A strategy's campaigns: each one's uplift and the pooled uplift so far, in send order, then the pooled table. */
    private static Map<String, Object> strategy(StrategyReport r) {
        List<String> labels = new ArrayList<>();
        double[] own = new double[r.campaigns().size()];
        double[] pooled = new double[r.campaigns().size()];
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < r.campaigns().size(); i++) {
            StrategyReport.Row row = r.campaigns().get(i);
            labels.add("#" + row.campaign().id());
            own[i] = row.uplift().absolute();
            pooled[i] = row.cumulative().riskDifference();
            rows.add(List.of("#" + row.campaign().id() + (row.windowComplete() ? "" : "*"), Timestamps.minutes(row.sent().at()),
                    Formats.count(row.uplift().contacted().buyers()) + "/" + Formats.count(row.uplift().contacted().customers()),
                    Formats.count(row.uplift().holdout().buyers()) + "/" + Formats.count(row.uplift().holdout().customers()),
                    Formats.points(row.uplift().absolute()), Formats.pValue(row.uplift().pValue()),
                    Formats.points(row.cumulative().riskDifference()), Formats.pValue(row.cumulative().pValue())));
        }
        PooledStatistics.Pooled p = r.pooled();
        String headline = Tr.f("All %d campaigns, stratified by campaign:", p.campaigns())
                + ' ' + Tr.f("Conversion uplift %s (Mantel-Haenszel risk difference)", Formats.points(p.riskDifference()))
                + ", " + Tr.f("Significance %s (p = %s, %s)", p.verdict().text(), Formats.pValue(p.pValue()), Tr.t(Methods.POOLED_CONVERSION))
                + "; " + Tr.t("Revenue/customer") + ' '
                + (p.revenueKnown() ? Tr.f("%s, 95%% CI %s … %s (p = %s, %s)", Formats.signedMoney(p.revenueDifference()),
                        Formats.signedMoney(p.revenueInterval().low()), Formats.signedMoney(p.revenueInterval().high()),
                        Formats.pValue(p.revenuePValue()), Tr.t(Methods.POOLED_REVENUE)) : p.revenueReasonText());
        String chart = LineChart.render("累计效果 Cumulative uplift (pts)", "pts", labels,
                List.of(new LineChart.Series("累计合并 pooled so far", Palette.BLUE, pooled),
                        new LineChart.Series("单个活动 each campaign", Palette.GREY, own)),
                v -> String.format(Locale.ROOT, "%+.1f", v * 100), 760, 300);
        return section("strategy", "策略效果 Strategy " + r.strategy(), headline, List.of(chart),
                table(List.of("活动 campaign", "发送 sent", "已触达 contacted", "对照 holdout", "提升 uplift", "p", "累计合并 pooled so far",
                        "累计 p pooled p"), rows), null,
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

    private static Map<String, Object> channelTable(CampaignReport r) {
        List<List<String>> rows = new ArrayList<>();
        for (CampaignReport.ChannelReturn ch : r.channels()) {
            Interval i = ch.incrementalRevenueInterval();
            rows.add(List.of(ch.channel(), Formats.count(ch.uplift().contacted().customers()),
                    Formats.count(ch.uplift().holdout().customers()), Formats.count(ch.messages()),
                    ch.price() == null ? "—" : Formats.price(ch.price()), ch.cost() == null ? "—" : Formats.money(ch.cost()),
                    (ch.uplift().revenueKnown() ? Formats.signedMoney(ch.incrementalRevenue()) : Tr.t("too few buyers to say"))
                            + (i.known() ? " (" + Formats.signedMoney(i.low()) + " … " + Formats.signedMoney(i.high()) + ")" : ""),
                    ch.returnPerCost() == null ? "—" : String.format(Locale.ROOT, "¥%.2f", ch.returnPerCost())));
        }
        return table(List.of("渠道 channel", "已触达 contacted", "对照 holdout", "消息 messages", "单价 price", "成本 cost",
                "增量销售额 extra revenue (95% CI)", "每元回报 return per ¥1"), rows);
    }

    private static String shortMoney(double v) {
        double a = Math.abs(v);
        if (a >= 10_000) return String.format(Locale.ROOT, "¥%.1f万", v / 10_000);
        return String.format(Locale.ROOT, "¥%.0f", v);
    }
}
