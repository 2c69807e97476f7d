package dev.rekindle.segment;

import dev.rekindle.api.RfmSegment;
import dev.rekindle.api.Stage;
import dev.rekindle.i18n.Tr;
import dev.rekindle.i18n.Vocabulary;
import dev.rekindle.console.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Rolls a snapshot's cells up by stage, by RFM segment and into the R×F grid. Reads a few hundred rows
 * written with the snapshot, never the million customer rows.
 */
final class SegmentSummary {

    private static final int BAR_WIDTH = 24;

    /** Customers in a group, with sums for averages. */
    record Group(String code, String label, long customers, double monetary, long frequency, long recency) {
        double avgMonetary() {
            return customers == 0 ? 0 : Math.round(monetary / customers * 100) / 100.0;
        }

        double avgFrequency() {
            return customers == 0 ? 0 : Math.round((double) frequency / customers * 100) / 100.0;
        }
    }

    private final List<Snapshots.Cell> cells;
    private final long total;

    SegmentSummary(List<Snapshots.Cell> cells) {
        this.cells = cells;
        this.total = cells.stream().mapToLong(Snapshots.Cell::customers).sum();
    }

    long total() {
        return total;
    }

    List<Group> byStage() {
        List<Group> groups = new ArrayList<>();
        for (Stage s : Stage.values()) {
            groups.add(group(s.code(), Vocabulary.name(s), c -> c.stage().equals(s.code())));
        }
        return groups;
    }

    List<Group> bySegment() {
        List<Group> groups = new ArrayList<>();
        for (RfmSegment s : RfmSegment.values()) {
            groups.add(group(s.code(), Vocabulary.name(s), c -> s.code().equals(c.segment())));
        }
        long unscored = cells.stream().filter(c -> c.segment() == null).mapToLong(Snapshots.Cell::customers).sum();
        if (unscored > 0) {
            groups.add(group("", "(no segment: no purchase in the window)", c -> c.segment() == null));
        }
        return groups;
    }

    /** The cell of the R×F grid: customers and spend of those with these scores. */
    Group rf(int r, int f) {
        return group(r + "" + f, "R" + r + " F" + f,
                c -> c.r() != null && c.f() != null && c.r() == r && c.f() == f);
    }

    private Group group(String code, String label, Predicate<Snapshots.Cell> in) {
        long n = 0, freq = 0, rec = 0;
        double money = 0;
        for (Snapshots.Cell c : cells) {
            if (in.test(c)) {
                n += c.customers();
                money += c.monetarySum();
                freq += c.frequencySum();
                rec += c.recencySum();
            }
        }
        return new Group(code, label, n, money, freq, rec);
    }

    Table stagesTable(boolean bars) {
        return textTable(Tr.t("lifecycle stage"), byStage(), bars);
    }

    Table segmentsTable(boolean bars) {
        return textTable(Tr.t("RFM segment"), bySegment(), bars);
    }

    /** For people only (the title is already translated; JSON and CSV use {@link #combined}). */
    private Table textTable(String title, List<Group> groups, boolean bars) {
        long max = groups.stream().mapToLong(Group::customers).max().orElse(0);
        // figures are right-aligned to the header as the table shows it, i.e. translated
        String[] counts = Aligned.right(groups.stream().map(g -> Aligned.count(g.customers())).toList(), Tr.t("customers"));
        String[] shares = Aligned.right(groups.stream().map(g -> Aligned.percent(g.customers(), total)).toList(), Tr.t("share"));
        String[] money = Aligned.right(groups.stream().map(g -> Aligned.money(g.avgMonetary())).toList(), Tr.t("avg spend"));
        String[] freq = Aligned.right(groups.stream().map(g -> String.format("%.2f", g.avgFrequency())).toList(), Tr.t("avg orders"));
        Table t = new Table(title, "customers", "share", "avg spend", "avg orders", "");
        for (int i = 0; i < groups.size(); i++) {
            Group g = groups.get(i);
            t.row(g.code().isEmpty() ? Tr.t("(no segment: no purchase in the window)") : g.label(), counts[i], shares[i], money[i], freq[i], bars ? BarChart.bar(g.customers(), max, BAR_WIDTH) : "");
        }
        return t;
    }

    /** Stages and segments in one machine-readable table (JSON, CSV): the same in every interface language. */
    Table combined(Snapshot snap) {
        Table t = new Table("snapshot", "as_of", "dimension", "code", "name", "customers", "share_pct",
                "avg_monetary", "avg_frequency");
        for (Group g : byStage()) {
            t.row(snap.id(), snap.asOf().toString(), "stage", g.code(), Vocabulary.englishNameOf(g.code()), g.customers(), pct(g.customers()),
                    g.avgMonetary(), g.avgFrequency());
        }
        for (Group g : bySegment()) {
            t.row(snap.id(), snap.asOf().toString(), "segment", g.code().isEmpty() ? null : g.code(), Vocabulary.englishNameOf(g.code()),
                    g.customers(), pct(g.customers()), g.avgMonetary(), g.avgFrequency());
        }
        return t;
    }

    double pct(long n) {
        return total == 0 ? 0 : Math.round(10000.0 * n / total) / 100.0;
    }
}
