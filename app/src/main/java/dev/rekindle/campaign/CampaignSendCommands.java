package dev.rekindle.campaign;

import dev.rekindle.i18n.Tr;
import dev.rekindle.delivery.DeliveryEngine;
import dev.rekindle.delivery.DeliveryLedger;
import dev.rekindle.delivery.DeliveryReports;
import dev.rekindle.delivery.DeliveryRuns;
import dev.rekindle.delivery.DeliveryStatus;
import dev.rekindle.delivery.RateSpec;
import dev.rekindle.delivery.SendOptions;
import dev.rekindle.delivery.SendReport;
import dev.rekindle.delivery.UnknownOutcomes;
import dev.rekindle.shell.Confirmation;
import dev.rekindle.shell.Groups;
import dev.rekindle.shell.OutputFormat;
import dev.rekindle.shell.Progress;
import dev.rekindle.shell.Table;
import dev.rekindle.shell.UsageException;
import dev.rekindle.shell.UserException;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

/**
 * Send mode for planned campaigns: the campaign's messages go through the delivery engine (ledger
 * written before each call, guards, rate limits, retries, exactly once), and can be resumed, watched and
 * reconciled.
 */
@Component
class CampaignSendCommands {

    private final CampaignRefs refs;
    private final CampaignRepository campaigns;
    private final CampaignDeliveries deliveries;
    private final DeliveryEngine engine;
    private final DeliveryLedger ledger;
    private final DeliveryRuns runs;
    private final UnknownOutcomes unknowns;
    private final JdbcClient jdbc;

    CampaignSendCommands(CampaignRefs refs, CampaignRepository campaigns, CampaignDeliveries deliveries, DeliveryEngine engine,
            DeliveryLedger ledger, DeliveryRuns runs, UnknownOutcomes unknowns, JdbcClient jdbc) {
        this.refs = refs;
        this.campaigns = campaigns;
        this.deliveries = deliveries;
        this.engine = engine;
        this.ledger = ledger;
        this.runs = runs;
        this.unknowns = unknowns;
        this.jdbc = jdbc;
    }

    @Command(name = {"campaigns", "send"}, group = Groups.CAMPAIGNS,
            description = "Send a planned campaign for real, exactly once per customer and channel (asks first)",
            help = """
                    campaigns send 3
                    campaigns send 3 --yes
                    campaigns send 3 --yes --rate 20/s
                    campaigns send dormancy-reminder --yes""")
    String send(CommandContext ctx, @Argument(index = 0, description = "ID: the campaign number, or a strategy id for today's plan of it") String id,
            @Option(longName = "rate", description = "rate for this run, e.g. 20/s (default: per channel)") String rate,
            @Option(longName = "yes", description = "do not ask for confirmation (scripts)") boolean yes) {
        checkRate(rate);
        Campaign c = refs.resolve(id);
        if (!Confirmation.confirm(ctx, Tr.f("Send campaign %d '%s' (%s, %s) to %,d customer(s) for real?",
                c.id(), c.name(), c.strategy(), c.purpose().name().toLowerCase(Locale.ROOT), c.targets()), yes)) {
            return Tr.t("Nothing sent.");
        }
        return run(ctx, c, SendOptions.send(), rate, Tr.f("Sending campaign %d", c.id()));
    }

    @Command(name = {"campaigns", "resume"}, group = Groups.CAMPAIGNS,
            description = "Continue a campaign after a crash, kill or Ctrl-C: each remaining message exactly once",
            help = "campaigns resume 3")
    String resume(CommandContext ctx, @Argument(index = 0, description = "ID: the campaign number, or a strategy id for today's plan of it") String id,
            @Option(longName = "rate", description = "rate for this run, e.g. 20/s (default: per channel)") String rate) {
        checkRate(rate);
        Campaign c = refs.resolve(id);
        return run(ctx, c, SendOptions.resume(), rate, Tr.f("Resuming campaign %d", c.id()));
    }

    @Command(name = {"campaigns", "status"}, group = Groups.CAMPAIGNS,
            description = "Deliveries of a campaign by state, rate and progress; finished only when all are final",
            help = """
                    campaigns status 3
                    campaigns status 3 --format json""")
    String status(@Argument(index = 0, description = "ID: the campaign number, or a strategy id for today's plan of it") String id,
            @Option(longName = "format", description = "table, json or csv", defaultValue = "table") String format) {
        OutputFormat out = OutputFormat.parse(format);
        Campaign c = refs.resolve(id);
        DeliveryStatus s = DeliveryStatus.of(c.id(), ledger, runs, jdbc);
        if (out == OutputFormat.TABLE) {
            return Tr.f("Campaign %d '%s' (%s, %d targets)", c.id(), c.name(), c.strategy(), c.targets()) + "\n"
                    + DeliveryReports.status(s);
        }
        Table t = new Table("campaign", "state", "count", "finished");
        s.counts().forEach((state, n) -> t.row(c.id(), state.db(), n, s.finished()));
        return t.render(out);
    }

    @Command(name = {"campaigns", "reconcile"}, group = Groups.CAMPAIGNS,
            description = "Resolve deliveries with an unknown outcome: ask the provider, or record your decision",
            help = """
                    campaigns reconcile 3
                    campaigns reconcile 3 --mark sent
                    campaigns reconcile 3 --mark resend""")
    String reconcile(@Argument(index = 0, description = "ID: the campaign number, or a strategy id for today's plan of it") String id,
            @Option(longName = "mark", description = "your decision for every remaining unknown: sent, resend or failed") String mark) {
        Campaign c = refs.resolve(id);
        if (mark != null) {
            UnknownOutcomes.Decision d;
            try {
                d = UnknownOutcomes.Decision.parse(mark);
            } catch (IllegalArgumentException e) {
                throw new UsageException(Tr.f("--mark: %s", e.getMessage()));
            }
            long n = unknowns.decide(c.id(), d, List.of());
            return Tr.f("Campaign %d: %d unknown delivery(ies) marked %s.", c.id(), n, d.name().toLowerCase(Locale.ROOT))
                    + (d == UnknownOutcomes.Decision.RESEND && n > 0 ? Tr.f(" Run campaigns resume %d to send them.", c.id()) : "");
        }
        return DeliveryReports.reconcile(c.id(), unknowns.reconcile(c.id(), deliveries.of(c)));
    }

    /** A wrong --rate is a usage error before anything starts, not a run that stops. */
    private static void checkRate(String rate) {
        if (rate == null) return;
        try {
            RateSpec.parse(rate);
        } catch (IllegalArgumentException e) {
            throw new UsageException(Tr.f("--rate: %s", e.getMessage()));
        }
    }

    private String run(CommandContext ctx, Campaign c, SendOptions options, String rate, String label) {
        if (rate != null) {
            options = options.withRate(rate);
        }
        try (Progress p = Progress.start(ctx, label, c.targets())) {
            campaigns.setStatus(c.id(), "sending");
            SendReport r = engine.send(c.id(), deliveries.of(c), options.withProgress(done -> p.advance(done - p.done())));
            boolean finished = DeliveryStatus.of(c.id(), ledger, runs, jdbc).finished();
            campaigns.setStatus(c.id(), finished ? "sent" : "sending");
            if (r.stopped() != null) {
                // a script must notice: the report goes out, and the command fails (exit 1)
                ctx.outputWriter().println(DeliveryReports.run(r));
                ctx.outputWriter().flush();
                throw new UserException(Tr.f("campaign %d stopped early (%s). Nothing was lost: fix the cause, then run campaigns resume %d",
                        c.id(), r.stopped(), c.id()));
            }
            return DeliveryReports.run(r);
        }
    }
}
