package dev.rekindle.metrics;

import dev.rekindle.i18n.Tr;
import dev.rekindle.console.Groups;
import dev.rekindle.console.OutputFormat;
import dev.rekindle.console.Table;
import dev.rekindle.console.UsageException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

@Component
class MetricsCommands {

    private final RetentionMetrics metrics;

    MetricsCommands(RetentionMetrics metrics) {
        this.metrics = metrics;
    }

    @Command(name = "metrics", group = Groups.ANALYSIS,
            description = "Repeat purchase rate, purchase frequency, AOV, customer value, 30-day repeat of members (level above normal) vs others",
            help = """
                    metrics
                    metrics --from 2024-01-01 --to 2024-12-31
                    metrics --by month --from 2024-01-01
                    metrics --by member_level
                    metrics --by category --format csv""")
    String metrics(@Option(longName = "from", description = "first day of the period (YYYY-MM-DD; default: the first order)") String from,
            @Option(longName = "to", description = "last day of the period, included (default: the last order)") String to,
            @Option(longName = "by", description = "month, member_level, city, province or category (default: everyone together)") String by,
            @Option(longName = "format", description = "table, json or csv", defaultValue = "table") String format) {
        OutputFormat out = OutputFormat.parse(format);
        Grouping grouping = Grouping.parse(by);
        LocalDate f = date("--from", from);
        LocalDate t = date("--to", to);
        if (f != null && t != null && t.isBefore(f)) {
            throw new UsageException(Tr.f("--to (%s) is before --from (%s)", t, f));
        }
        RetentionMetrics.Report r = metrics.compute(f, t, grouping);
        List<MetricsRow> rows = new ArrayList<>(r.groups());
        rows.add(r.all());
        if (out != OutputFormat.TABLE) {
            Table table = new Table(grouping.column(), "from", "to", "customers", "repeat_customers", "repeat_rate", "orders",
                    "revenue", "purchase_frequency", "aov", "customer_value", "repeat_30d_cohort", "repeat_30d_rate",
                    "members_repeat_30d_rate", "others_repeat_30d_rate");
            for (MetricsRow m : rows) {
                table.row(m.group(), str(r.from()), str(r.to()), m.customers(), m.repeatCustomers(), num(m.repeatRate(), 4),
                        m.orders(), m.revenue(), num(m.purchaseFrequency(), 4), num(m.aov(), 2), num(m.customerValue(), 2),
                        m.repeat30Cohort(), num(m.repeat30Rate(), 4), num(m.membersRepeat30Rate(), 4), num(m.othersRepeat30Rate(), 4));
            }
            return table.render(out);
        }
        if (r.all().customers() == 0) {
            return f == null && t == null ? Tr.t("No purchase orders yet: nothing to measure.")
                    : Tr.t("No purchase orders in this period: nothing to measure.");
        }
        if (grouping == Grouping.NONE) {
            return Tr.f("Purchase orders (paid, completed) from %s to %s", r.from(), r.to()) + "\n\n" + overview(r.all());
        }
        Table table = new Table(grouping.heading(), "customers", "repeat rate", "orders", "revenue", "frequency", "AOV",
                "customer value", "30-day repeat", "members", "others");
        for (MetricsRow m : rows) {
            table.row(m == r.all() ? Tr.t("all") : m.group(), m.customers(), pct(m.repeatRate()), m.orders(), m.revenue(), num(m.purchaseFrequency(), 2),
                    num(m.aov(), 2), num(m.customerValue(), 2), pct(m.repeat30Rate()), pct(m.membersRepeat30Rate()),
                    pct(m.othersRepeat30Rate()));
        }
        return Tr.f("Purchase orders (paid, completed) from %s to %s, by %s:", r.from(), r.to(), grouping.heading())
                + "\n\n" + table.render(out) + "\n\n" + notes();
    }

    private static String notes() {
        return Tr.t("""
                repeat rate = customers with more than one order ÷ customers; frequency = orders ÷ customers;
                AOV (客单值) = revenue ÷ orders; customer value = frequency × AOV.
                30-day repeat = of customers whose first order here was at least 30 days before the period's end, the share
                who ordered again within 30 days; members = member level above normal (普通会员), others = everyone else.""");
    }

    private static String overview(MetricsRow m) {
        return Tr.f("""
                customers who bought           %,d
                repeat purchase rate           %s   (%,d bought more than once)
                orders                         %,d
                revenue                        ¥%,.2f
                purchase frequency             %.2f orders per customer
                AOV 客单值                     ¥%,.2f per order
                customer value                 ¥%,.2f  (frequency × AOV)

                30-day repeat rate (ordered again within 30 days of their first order in the period):
                  members (level above normal)  %s  of %,d
                  others                        %s  of %,d
                  everyone                      %s  of %,d""",
                m.customers(), pct(m.repeatRate()), m.repeatCustomers(), m.orders(), m.revenue(), m.purchaseFrequency(),
                m.aov(), m.customerValue(), pct(m.membersRepeat30Rate()), m.membersCohort(), pct(m.othersRepeat30Rate()),
                m.othersCohort(), pct(m.repeat30Rate()), m.repeat30Cohort());
    }

    private static LocalDate date(String option, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new UsageException(Tr.f("%s takes a date like 2024-01-31, got '%s'", option, value));
        }
    }

    private static String str(LocalDate d) {
        return d == null ? null : d.toString();
    }

    private static Double num(double v, int decimals) {
        if (Double.isNaN(v)) return null;
        double scale = Math.pow(10, decimals);
        return Math.round(v * scale) / scale;
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "—" : String.format("%.1f%%", v * 100);
    }
}
