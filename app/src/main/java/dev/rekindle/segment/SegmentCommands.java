package dev.rekindle.segment;

import dev.rekindle.api.Stage;
import dev.rekindle.i18n.Tr;
import dev.rekindle.shop.AsOf;
import dev.rekindle.console.Groups;
import dev.rekindle.console.OutputFormat;
import dev.rekindle.console.Progress;
import dev.rekindle.console.Table;
import dev.rekindle.console.UsageException;
import dev.rekindle.shop.ShopProfile;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

@Component
class SegmentCommands {

    private final SnapshotRefresher refresher;
    private final Snapshots snapshots;
    private final SegmentConfig config;
    private final SegmentDefinitions definitions;
    private final ShopProfile shop;
    private final JdbcClient jdbc;

    SegmentCommands(SnapshotRefresher refresher, Snapshots snapshots, SegmentConfig config,
            SegmentDefinitions definitions, ShopProfile shop, JdbcClient jdbc) {
        this.refresher = refresher;
        this.snapshots = snapshots;
        this.config = config;
        this.definitions = definitions;
        this.shop = shop;
        this.jdbc = jdbc;
    }

    @Command(name = {"segments", "refresh"}, group = Groups.ANALYSIS,
            description = "Compute a new snapshot: recency, frequency, monetary, R/F/M scores, stage and RFM segment per customer",
            help = """
                    segments refresh
                    segments refresh --as-of 2025-01-01
                    segments refresh --window-months 12 --method mean
                    segments refresh --stages 60,120,240,365 --category-stages "母婴用品=30,60,90,180;数码配件=180,365,540,730"
                    segments refresh --format json""")
    String refresh(CommandContext ctx,
            @Option(longName = "as-of", description = "the day to look from (YYYY-MM-DD); later orders are ignored",
                    defaultValue = "today") String asOfText,
            @Option(longName = "window-months", description = "count frequency and monetary over the last N months "
                    + "(0 = all history; default rekindle.segments.window-months)") Integer windowMonths,
            @Option(longName = "method", description = "quintiles (high = score above the average score) or mean "
                    + "(high = value better than the mean value)") String method,
            @Option(longName = "stages", description = "first day of silent,sleeping,lost,gone (default 90,180,270,365)") String stages,
            @Option(longName = "category-stages", description = "thresholds per main category: "
                    + "\"CATEGORY=S,S,L,G;CATEGORY=…\"") String categoryStages,
            @Option(longName = "format", description = "table, json or csv", defaultValue = "table") String format) {
        long started = System.nanoTime();
        OutputFormat out = OutputFormat.parse(format);
        LocalDate asOf = AsOf.parse(asOfText, shop);
        SegmentSettings settings = settings(windowMonths, method, stages, categoryStages);
        long customers = jdbc.sql("SELECT count(*) FROM customers").query(Long.class).single();
        SnapshotRefresher.Outcome o;
        try (Progress p = Progress.start(ctx, Tr.t("Refreshing segments"), 2 * customers)) {
            o = refresher.refresh(asOf, settings, p);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        BenchTiming.report("segments-refresh", started);
        if (out != OutputFormat.TABLE) {
            Table t = new Table("snapshot", "as_of", "customers", "scored", "source", "active", "silent", "sleeping",
                    "lost", "gone", "none", "seconds");
            Map<Stage, Long> s = o.stages();
            t.row(o.snapshot().id(), o.snapshot().asOf().toString(), o.snapshot().customers(), o.scored(),
                    o.source().name().toLowerCase(), s.get(Stage.ACTIVE), s.get(Stage.SILENT),
                    s.get(Stage.SLEEPING), s.get(Stage.LOST), s.get(Stage.GONE),
                    s.get(Stage.NONE), Math.round(seconds * 100) / 100.0);
            return t.render(out);
        }
        StringBuilder sb = new StringBuilder();
        sb.append(Tr.f("Snapshot #%d as of %s: %,d customers, %,d scored, in %.1f s.%n", o.snapshot().id(),
                o.snapshot().asOf(), o.snapshot().customers(), o.scored(), seconds));
        sb.append("  ").append(Tr.f("from %s", o.source().description())).append('\n');
        sb.append("  ").append(Tr.f("settings: %s", settings.describe())).append('\n');
        sb.append(SnapshotText.cutLines(o.snapshot(), "  ")).append("\n");
        List<String> parts = new ArrayList<>();
        o.stages().forEach((st, n) -> parts.add(String.format("%s %,d", st.code(), n)));
        sb.append("  ").append(Tr.f("stages: %s", String.join(" · ", parts))).append('\n');
        if (!o.deleted().isEmpty()) {
            sb.append("  ").append(Tr.f("deleted old snapshot(s) %s (rekindle.segments.keep-snapshots=%d)",
                    ids(o.deleted()), config.keepSnapshots())).append('\n');
        }
        if (!o.keptReferenced().isEmpty()) {
            sb.append("  ").append(Tr.f("kept old snapshot(s) %s: other records still refer to them", ids(o.keptReferenced())))
                    .append('\n');
        }
        sb.append(Tr.t("Next: segments list · rfm matrix · stages flow"));
        return sb.toString();
    }

    private SegmentSettings settings(Integer windowMonths, String method, String stages, String categoryStages) {
        SegmentSettings s = config.defaults();
        try {
            if (windowMonths != null) s = s.withWindowMonths(windowMonths);
            if (method != null) s = s.withMethod(ScoringMethod.parse(method));
            if (stages != null) s = s.withStages(StageThresholds.parse(stages));
            if (categoryStages != null) s = s.withCategoryStages(SegmentSettings.parseCategoryStages(categoryStages));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return s;
    }

    @Command(name = {"segments", "list"}, group = Groups.ANALYSIS,
            description = "Customers per lifecycle stage and per RFM segment: counts, shares, average spend, bars",
            help = """
                    segments list
                    segments list --format csv
                    segments list --snapshot 3""")
    String list(@Option(longName = "snapshot", description = "a kept snapshot's id (default: the current one)") Long snapshotId,
            @Option(longName = "format", description = "table, json or csv", defaultValue = "table") String format) {
        long started = System.nanoTime();
        OutputFormat out = OutputFormat.parse(format);
        Snapshot snap = snapshots.require(snapshotId);
        SegmentSummary summary = new SegmentSummary(snapshots.cells(snap.id()));
        String text = out == OutputFormat.TABLE
                ? SnapshotText.header(snap) + "\n\n" + summary.stagesTable(true).render(out) + "\n\n"
                        + summary.segmentsTable(true).render(out) + definedSegments()
                : summary.combined(snap).render(out);
        BenchTiming.report("segments-list", started);
        return text;
    }

    private String definedSegments() {
        List<SegmentDefinitions.Definition> defs = definitions.all();
        if (defs.isEmpty()) {
            return "\n\n" + Tr.t("Your own segments: none yet (segments define NAME --where EXPR).");
        }
        Table t = new Table("your segment", "where");
        defs.forEach(d -> t.row(d.name(), d.expression()));
        return "\n\n" + t.render(OutputFormat.TABLE) + "\n" + Tr.t("(members: segments show NAME)");
    }

    @Command(name = {"segments", "history"}, group = Groups.ANALYSIS,
            description = "The kept snapshots: id, as-of date, when made, customers and settings",
            help = """
                    segments history
                    segments history --format json""")
    String history(@Option(longName = "format", description = "table, json or csv", defaultValue = "table") String format) {
        OutputFormat out = OutputFormat.parse(format);
        List<Snapshot> all = snapshots.all();
        if (all.isEmpty() && out == OutputFormat.TABLE) {
            return Tr.t("No snapshot yet: run 'segments refresh'.");
        }
        Table t = new Table("snapshot", "as_of", "created_at", "customers", "current", "settings").fit(Table.SCREEN);
        for (int i = 0; i < all.size(); i++) {
            Snapshot s = all.get(i);
            // on screen what was chosen (the score cuts are in every report's header); scripts get the stored JSON
            t.row(s.id(), s.asOf().toString(), s.createdAt(), s.customers(), i == 0 ? "yes" : "",
                    out == OutputFormat.TABLE ? SnapshotText.choices(s) : s.settings());
        }
        return t.render(out);
    }

    private static String ids(List<Long> ids) {
        return String.join(", ", ids.stream().map(i -> "#" + i).toList());
    }
}
