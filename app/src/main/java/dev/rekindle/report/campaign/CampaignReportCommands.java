package dev.rekindle.report.campaign;

import dev.rekindle.i18n.Tr;
import dev.rekindle.shop.AsOf;
import dev.rekindle.console.Groups;
import dev.rekindle.console.OutputFormat;
import dev.rekindle.console.UsageException;
import dev.rekindle.shop.ShopProfile;
import java.time.LocalDateTime;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

@Component
class CampaignReportCommands {

    // the argument is optional (--strategy takes its place); the shell needs a default to know that
    private static final String NO_ID = "(none)";

    private final CampaignReportService reports;
    private final StrategyReportService strategies;
    private final ShopProfile shop;

    CampaignReportCommands(CampaignReportService reports, StrategyReportService strategies, ShopProfile shop) {
        this.reports = reports;
        this.strategies = strategies;
        this.shop = shop;
    }

    @Command(name = {"campaigns", "report"}, group = Groups.CAMPAIGNS,
            description = "What a campaign brought back: contacted vs holdout, uplift with 95% intervals, by segment, stage, channel; or all campaigns of a strategy pooled (--strategy)",
            help = """
                    campaigns report 3
                    campaigns report 3 --window 14
                    campaigns report 3 --as-of 2026-12-31 --format json
                    campaigns report 3 --format csv > uplift.csv
                    campaigns report --strategy dormancy-daily --from 2026-10-01 --to 2026-12-31""")
    String report(@Argument(index = 0, description = "ID: the campaign's number (see campaigns list); leave out with --strategy",
                    defaultValue = NO_ID) String id,
            @Option(longName = "strategy", description = "all campaigns of this strategy, pooled (stratified by campaign)") String strategy,
            @Option(longName = "from", description = "with --strategy: campaigns sent on or after this day (YYYY-MM-DD)") String from,
            @Option(longName = "to", description = "with --strategy: campaigns sent on or before this day (YYYY-MM-DD)") String to,
            @Option(longName = "window", description = "days after the send in which an order counts, 1-365", defaultValue = "30") Integer window,
            @Option(longName = "as-of", description = "report as at the end of this day (YYYY-MM-DD); default now") String asOf,
            @Option(longName = "format", description = "table, json or csv", defaultValue = "table") String format) {
        OutputFormat out = OutputFormat.parse(format);
        if (NO_ID.equals(id)) {
            id = null;
        }
        boolean byStrategy = strategy != null && !strategy.isBlank();
        if (byStrategy && id != null && !id.isBlank()) {
            throw new UsageException(Tr.t("give a campaign ID or --strategy, not both"));
        }
        if (!byStrategy && (from != null || to != null)) {
            throw new UsageException(Tr.t("--from and --to go with --strategy"));
        }
        if (!byStrategy && id == null) {
            throw new UsageException(Tr.t("missing ID: a campaign number, or --strategy ID for all campaigns of a strategy"));
        }
        long campaignId = byStrategy ? 0 : campaignId(id);
        if (window == null || window < 1 || window > CampaignReportService.MAX_WINDOW_DAYS) {
            throw new UsageException(Tr.f("--window must be 1 to %d days, got %d", CampaignReportService.MAX_WINDOW_DAYS, window));
        }
        LocalDateTime evaluatedAt = asOf == null || asOf.isBlank() ? shop.now()
                : AsOf.parse(asOf, shop).plusDays(1).atStartOfDay();
        if (byStrategy) {
            StrategyReport s = strategies.report(strategy.trim(), day(from, "--from"), day(to, "--to"), window, evaluatedAt);
            return switch (out) {
                case TABLE -> StrategyReportText.render(s);
                case JSON -> StrategyReportText.json(s);
                case CSV -> StrategyReportText.csv(s);
            };
        }
        CampaignReport r = reports.report(campaignId, window, evaluatedAt);
        return switch (out) {
            case TABLE -> CampaignReportText.render(r);
            case JSON -> CampaignReportData.json(r);
            case CSV -> CampaignReportData.csv(r);
        };
    }

    private static java.time.LocalDate day(String text, String option) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(text.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new UsageException(Tr.f("%s must be a day as YYYY-MM-DD, got '%s'", option, text));
        }
    }

    static long campaignId(String id) {
        if (id == null || !id.trim().matches("[0-9]{1,18}")) {
            throw new UsageException(Tr.f("ID must be a campaign number, e.g. campaigns report 3; got '%s'", id));
        }
        return Long.parseLong(id.trim());
    }
}
