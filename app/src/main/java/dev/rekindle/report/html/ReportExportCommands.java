package dev.rekindle.report.html;

import dev.rekindle.i18n.Tr;
import dev.rekindle.report.campaign.CampaignReport;
import dev.rekindle.report.campaign.CampaignReportService;
import dev.rekindle.report.campaign.StrategyReport;
import dev.rekindle.report.campaign.StrategyReportService;
import dev.rekindle.shop.AsOf;
import dev.rekindle.console.Groups;
import dev.rekindle.console.UsageException;
import dev.rekindle.console.UserException;
import dev.rekindle.shop.ShopProfile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Optional;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

@Component
class ReportExportCommands {

    private final ShopFiguresReader figures;
    private final CampaignReportService campaigns;
    private final StrategyReportService strategies;
    private final ShopProfile shop;

    ReportExportCommands(ShopFiguresReader figures, CampaignReportService campaigns, StrategyReportService strategies,
            ShopProfile shop) {
        this.figures = figures;
        this.campaigns = campaigns;
        this.strategies = strategies;
        this.shop = shop;
    }

    @Command(name = {"report", "export"}, group = Groups.REPORTS,
            description = "Write one self-contained HTML page with charts: lifecycle, RFM, inflow, metrics by month, campaign uplift",
            help = """
                    report export --html report.html
                    report export --html reports/2026-11-22.html --campaign 3
                    report export --html report.html --campaign 3 --window 14 --as-of 2026-12-31
                    report export --html report.html --strategy dormancy-daily""")
    String export(@Option(longName = "html", description = "the file to write (replaced if it exists)") String html,
            @Option(longName = "campaign", description = "also show this campaign's uplift") String campaign,
            @Option(longName = "strategy", description = "also show all campaigns of this strategy, pooled, with a cumulative chart") String strategy,
            @Option(longName = "window", description = "the campaign's window in days, 1-365", defaultValue = "30") Integer window,
            @Option(longName = "as-of", description = "report as of this day (YYYY-MM-DD); default the current snapshot's date or today") String asOf) {
        if (html == null || html.isBlank()) {
            throw new UsageException(Tr.t("give the file to write, e.g. report export --html report.html"));
        }
        if (window == null || window < 1 || window > CampaignReportService.MAX_WINDOW_DAYS) {
            throw new UsageException(Tr.f("--window must be 1 to %d days, got %d", CampaignReportService.MAX_WINDOW_DAYS, window));
        }
        LocalDate date = asOf == null || asOf.isBlank() ? null : AsOf.parse(asOf, shop);
        Optional<CampaignReport> uplift = Optional.empty();
        if (campaign != null && !campaign.isBlank()) {
            if (!campaign.trim().matches("[0-9]{1,18}")) {
                throw new UsageException(Tr.f("--campaign takes the campaign's number, e.g. --campaign 3; got '%s'", campaign));
            }
            LocalDateTime evaluatedAt = date == null ? shop.now() : date.plusDays(1).atStartOfDay();
            uplift = Optional.of(campaigns.report(Long.parseLong(campaign.trim()), window, evaluatedAt));
        }
        Optional<StrategyReport> pooled = Optional.empty();
        if (strategy != null && !strategy.isBlank()) {
            LocalDateTime evaluatedAt = date == null ? shop.now() : date.plusDays(1).atStartOfDay();
            pooled = Optional.of(strategies.report(strategy.trim(), null, null, window, evaluatedAt));
        }
        ShopFigures f = figures.read(date, shop.today());
        String page = HtmlReport.render(shop.name(), shop.now(), f, uplift, pooled);
        Path file = write(Path.of(html.trim()).toAbsolutePath().normalize(), page);
        return Tr.f("Wrote %s (%,d KB): lifecycle, RFM heat map, inflow over %d weeks, metrics by month%s, as of %s.%n"
                        + "Open it in any browser; it needs no network.",
                file, (page.getBytes(StandardCharsets.UTF_8).length + 1023) / 1024, f.inflow().weeks().size(),
                uplift.map(c -> c.complete() ? Tr.f(", campaign %d uplift", c.campaign().id())
                        : Tr.f(", campaign %d uplift (window still open)", c.campaign().id())).orElse(""),
                f.asOf());
    }

    /** Writes next to the target, then moves it in place: a reader (or a cron run) never sees half a page. */
    private static Path write(Path file, String page) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            if (Files.isDirectory(file)) {
                throw new UserException(Tr.f("%s is a folder; give a file name, e.g. %s", file, file.resolve("report.html")));
            }
            // not Files.createTempFile, which makes it 0600: a report is for reading (a browser, a web server),
            // so it gets the permissions of the user's umask like any file the user writes
            Path tmp = Files.createFile(dir.resolve(".report-" + java.util.UUID.randomUUID() + ".html.tmp"));
            try {
                Files.writeString(tmp, page, StandardCharsets.UTF_8);
                try {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            return file;
        } catch (IOException e) {
            throw UserException.cannotWrite(file, e);
        }
    }
}
