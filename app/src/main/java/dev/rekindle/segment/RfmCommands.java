package dev.rekindle.segment;

import dev.rekindle.i18n.Tr;
import dev.rekindle.console.Groups;
import dev.rekindle.console.OutputFormat;
import dev.rekindle.console.Table;
import dev.rekindle.console.TextWidth;
import java.util.ArrayList;
import java.util.List;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

@Component
class RfmCommands {

    private final Snapshots snapshots;

    RfmCommands(Snapshots snapshots) {
        this.snapshots = snapshots;
    }

    @Command(name = {"rfm", "matrix"}, group = Groups.ANALYSIS,
            description = "The 5×5 grid of R (rows, 5 = most recent) by F (columns): customers and average spend, shaded",
            help = """
                    rfm matrix
                    rfm matrix --format csv
                    rfm matrix --snapshot 3""")
    String matrix(@Option(longName = "snapshot", description = "a kept snapshot's id (default: the current one)") Long snapshotId,
            @Option(longName = "format", description = "table, json or csv", defaultValue = "table") String format) {
        OutputFormat out = OutputFormat.parse(format);
        Snapshot snap = snapshots.require(snapshotId);
        SegmentSummary summary = new SegmentSummary(snapshots.cells(snap.id()));
        SegmentSummary.Group[][] grid = new SegmentSummary.Group[6][6];
        long scored = 0;
        long max = 0;
        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) {
                grid[r][f] = summary.rf(r, f);
                scored += grid[r][f].customers();
                max = Math.max(max, grid[r][f].customers());
            }
        }
        if (out != OutputFormat.TABLE) {
            Table t = new Table("snapshot", "as_of", "r", "f", "customers", "share_pct", "avg_monetary", "avg_frequency");
            for (int r = 5; r >= 1; r--) {
                for (int f = 1; f <= 5; f++) {
                    SegmentSummary.Group g = grid[r][f];
                    t.row(snap.id(), snap.asOf().toString(), r, f, g.customers(),
                            scored == 0 ? 0.0 : Math.round(10000.0 * g.customers() / scored) / 100.0, g.avgMonetary(), g.avgFrequency());
                }
            }
            return t.render(out);
        }
        // each column: "count ¥avg shade", right-aligned within the column
        List<String[]> columns = new ArrayList<>();
        for (int f = 1; f <= 5; f++) {
            List<String> counts = new ArrayList<>();
            List<String> money = new ArrayList<>();
            for (int r = 5; r >= 1; r--) {
                counts.add(Aligned.count(grid[r][f].customers()));
                money.add(grid[r][f].customers() == 0 ? "" : "¥" + Math.round(grid[r][f].avgMonetary()));
            }
            String[] c = Aligned.right(counts);
            String[] m = Aligned.right(money);
            String[] cells = new String[5];
            for (int i = 0; i < 5; i++) {
                int r = 5 - i;
                cells[i] = c[i] + " " + m[i] + " " + BarChart.shade(grid[r][f].customers(), max);
            }
            columns.add(cells);
        }
        Table t = new Table("R \\ F", "F1 (fewest orders)", "F2", "F3", "F4", "F5 (most)");
        String[] rowLabels = {Tr.t("R5 (most recent)"), "R4", "R3", "R2", Tr.t("R1 (longest ago)")};
        for (int i = 0; i < 5; i++) {
            t.row(rowLabels[i], columns.get(0)[i], columns.get(1)[i], columns.get(2)[i], columns.get(3)[i], columns.get(4)[i]);
        }
        return SnapshotText.header(snap) + "\n" + SnapshotText.cutLines(snap, "") + "\n\n" + t.render(out) + "\n\n"
                + String.join("\n", TextWidth.wrap(Tr.f("Each cell: customers, average spend (¥), shade by customers (· ░ ▒ ▓ █). "
                        + "%,d scored customers; equal values share a score, so some cells can stay empty.", scored), Table.SCREEN));
    }
}
