package dev.rekindle.report.campaign;

import dev.rekindle.i18n.Tr;
import dev.rekindle.shell.AsOf;
import dev.rekindle.shell.Groups;
import dev.rekindle.shell.OutputFormat;
import dev.rekindle.shell.UsageException;
import dev.rekindle.shop.ShopProfile;
import java.time.LocalDateTime;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

@Component
class CampaignReportCommands {

    private final CampaignReportService reports;
    private final ShopProfile shop;

    CampaignReportCommands(CampaignReportService reports, ShopProfile shop) {
        this.reports = reports;
        this.shop = shop;
    }

    @Command(name = {"campaigns", "report"}, group = Groups.CAMPAIGNS,
            description = "What a campaign brought back: contacted vs holdout, uplift with 95% intervals, by segment, stage, channel",
            help = """
                    campaigns report 3
                    campaigns report 3 --window 14
                    campaigns report 3 --as-of 2026-12-31 --format json
                    campaigns report 3 --format csv > uplift.csv""")
    String report(@Argument(index = 0, description = "ID: the campaign's number (see campaigns list)") String id,
            @Option(longName = "window", description = "days after the send in which an order counts, 1-365", defaultValue = "30") Integer window,
            @Option(longName = "as-of", description = "report as at the end of this day (YYYY-MM-DD); default now") String asOf,
            @Option(longName = "format", description = "table, json or csv", defaultValue = "table") String format) {
        OutputFormat out = OutputFormat.parse(format);
        long campaignId = campaignId(id);
        if (window == null || window < 1 || window > CampaignReportService.MAX_WINDOW_DAYS) {
            throw new UsageException(Tr.f("--window must be 1 to %d days, got %d", CampaignReportService.MAX_WINDOW_DAYS, window));
        }
        LocalDateTime evaluatedAt = asOf == null || asOf.isBlank() ? shop.now()
                : AsOf.parse(asOf, shop).plusDays(1).atStartOfDay();
        CampaignReport r = reports.report(campaignId, window, evaluatedAt);
        return switch (out) {
            case TABLE -> CampaignReportText.render(r);
            case JSON -> CampaignReportData.json(r);
            case CSV -> CampaignReportData.csv(r);
        };
    }

    static long campaignId(String id) {
        if (id == null || !id.trim().matches("[0-9]{1,18}")) {
            throw new UsageException(Tr.f("ID must be a campaign number, e.g. campaigns report 3; got '%s'", id));
        }
        return Long.parseLong(id.trim());
    }
}
