package dev.rekindle.segment;

import dev.rekindle.api.Stage;
import dev.rekindle.i18n.Tr;
import dev.rekindle.i18n.Vocabulary;
import dev.rekindle.console.Groups;
import dev.rekindle.console.OutputFormat;
import dev.rekindle.console.Table;
import dev.rekindle.console.UsageException;
import java.util.List;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

@Component
class StageFlowCommands {

    private final Snapshots snapshots;
    private final StageFlow flow;

    StageFlowCommands(Snapshots snapshots, StageFlow flow) {
        this.snapshots = snapshots;
        this.flow = flow;
    }

    @Command(name = {"stages", "flow"}, group = Groups.ANALYSIS,
            description = "Customers entering each stage per day over the last N days, and who turns silent in the next N days",
            help = """
                    stages flow
                    stages flow --days 7
                    stages flow --days 30 --format csv""")
    String flow(@Option(longName = "days", description = "how many days back (and ahead for the pre-silent pool), 1–365",
                    defaultValue = "30") Integer days,
            @Option(longName = "format", description = "table, json or csv", defaultValue = "table") String format) {
        OutputFormat out = OutputFormat.parse(format);
        if (days == null || days < 1 || days > 365) {
            throw new UsageException(Tr.f("--days must be between 1 and 365, got %d", days));
        }
        Snapshot snap = snapshots.requireCurrent();
        StageFlow.Flow f = flow.compute(snap, days);
        if (out != OutputFormat.TABLE) {
            Table t = new Table("snapshot", "as_of", "date", "event", "stage", "customers");
            String asOf = snap.asOf().toString();
            for (StageFlow.Day d : f.entered()) {
                String date = d.date().toString();
                t.row(snap.id(), asOf, date, "entered", "active_new", d.newCustomers());
                t.row(snap.id(), asOf, date, "entered", "active_back", d.back());
                t.row(snap.id(), asOf, date, "entered", "silent", d.silent());
                t.row(snap.id(), asOf, date, "entered", "sleeping", d.sleeping());
                t.row(snap.id(), asOf, date, "entered", "lost", d.lost());
                t.row(snap.id(), asOf, date, "entered", "gone", d.gone());
            }
            for (StageFlow.Forecast x : f.turningSilent()) {
                t.row(snap.id(), asOf, x.date().toString(), "turns_silent", "silent", x.turningSilent());
            }
            return t.render(out);
        }
        return SnapshotText.header(snap) + "\n\n" + enteredTable(f) + "\n\n" + forecastTable(f);
    }

    private static String enteredTable(StageFlow.Flow f) {
        List<StageFlow.Day> days = f.entered();
        long max = days.stream().mapToLong(StageFlow.Day::silent).max().orElse(0);
        Table t = new Table("date", "new", "back", into(Stage.SILENT), into(Stage.SLEEPING), into(Stage.LOST), into(Stage.GONE),
                "into silence");
        long[] total = new long[6];
        for (StageFlow.Day d : days) {
            long[] v = {d.newCustomers(), d.back(), d.silent(), d.sleeping(), d.lost(), d.gone()};
            for (int i = 0; i < 6; i++) total[i] += v[i];
            t.row(d.date().toString(), v[0], v[1], v[2], v[3], v[4], v[5], BarChart.bar(d.silent(), max, 20));
        }
        t.row(Tr.t("total"), total[0], total[1], total[2], total[3], total[4], total[5], "");
        return Tr.f("Customers entering each stage per day, last %d days (new = first purchase, back = bought "
                + "again after silence):%n", f.days()) + t.render(OutputFormat.TABLE)
                + Tr.f("%nOn average %.1f customers a day slipped into silence.", total[2] / (double) f.days());
    }

    /** "→silent", "→沉默期": a column of customers entering the stage, named as everywhere else. */
    private static String into(Stage s) {
        return "→" + Vocabulary.name(s);
    }

    private static String forecastTable(StageFlow.Flow f) {
        List<StageFlow.Forecast> days = f.turningSilent();
        long max = days.stream().mapToLong(StageFlow.Forecast::turningSilent).max().orElse(0);
        long total = days.stream().mapToLong(StageFlow.Forecast::turningSilent).sum();
        Table t = new Table("date", "turn silent", "");
        for (StageFlow.Forecast x : days) {
            t.row(x.date().toString(), x.turningSilent(), BarChart.bar(x.turningSilent(), max, 20));
        }
        return Tr.f("The pre-silent pool: %,d active customers turn silent in the next %d days unless they buy "
                + "(the dormancy reminder's audience):%n", total, f.days()) + t.render(OutputFormat.TABLE);
    }
}
