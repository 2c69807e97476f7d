package dev.rekindle.campaign;

import dev.rekindle.api.Channel;
import dev.rekindle.delivery.ChannelDirectory;
import dev.rekindle.delivery.DeliveryState;
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
import dev.rekindle.console.Confirmation;
import dev.rekindle.console.Groups;
import dev.rekindle.console.OutputFormat;
import dev.rekindle.console.Progress;
import dev.rekindle.console.Table;
import dev.rekindle.console.UsageException;
import dev.rekindle.console.UserException;
import dev.rekindle.console.WorkLeft;
import dev.rekindle.shop.ShopProfile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

/**
 * Send mode for planned campaigns: the campaign's messages go through the delivery engine (ledger
 * written before each call, guards, rate limits, retries, exactly once), and can be resumed, watched,
 * reconciled and cancelled. A send or resume that ends with messages still pending, deferred or unknown
 * exits 3 ({@link WorkLeft}), so a daily script's cron line raises the alert and the next day resumes it.
 */
@Component
class CampaignSendCommands {

    /**
     * The ID argument left out (with --all-unfinished): Spring Shell needs a non-empty default for an optional
     * argument; help shows it as "(default none)".
     */
    private static final String NO_ID = "none";

    private final CampaignRefs refs;
    private final CampaignRepository campaigns;
    private final CampaignDeliveries deliveries;
    private final DeliveryEngine engine;
    private final DeliveryLedger ledger;
    private final DeliveryRuns runs;
    private final UnknownOutcomes unknowns;
    private final JdbcClient jdbc;
    private final ChannelDirectory channels;
    private final CampaignCancellation cancellation;
    private final ShopProfile shop;
    private final CampaignTemplates approved;
    private final dev.rekindle.guard.ChannelKinds channelKinds;

    CampaignSendCommands(CampaignRefs refs, CampaignRepository campaigns, CampaignDeliveries deliveries, DeliveryEngine engine,
            DeliveryLedger ledger, DeliveryRuns runs, UnknownOutcomes unknowns, JdbcClient jdbc, ChannelDirectory channels,
            CampaignCancellation cancellation, ShopProfile shop, CampaignTemplates approved, dev.rekindle.guard.ChannelKinds channelKinds) {
        this.approved = approved;
        this.channelKinds = channelKinds;
        this.channels = channels;
        this.cancellation = cancellation;
        this.shop = shop;
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
        Optional<Campaign> found = refs.resolveForSending(id);
        if (found.isEmpty()) {
            return Tr.f("Nothing to send: no campaign of %s was planned today (%s).", id.strip(), shop.today());
        }
        Campaign c = found.get();
        String closed = closed(c);
        if (closed != null) return closed;
        Readiness ready = readiness(c);
        StringBuilder question = new StringBuilder(Tr.f("Send campaign %d '%s' (%s, %s) to %,d customer(s) for real?",
                c.id(), c.name(), c.strategy(), c.purpose().name().toLowerCase(Locale.ROOT), c.targets()));
        String edited = editedTemplates(c);
        if (!edited.isEmpty()) {
            question.insert(0, edited + "\n");
        }
        if (!ready.notReady().isEmpty()) {
            question.insert(0, ready.describe() + "\n");
        }
        if (!Confirmation.confirm(ctx, question.toString(), yes)) {
            return Tr.t("Nothing sent.");
        }
        String report = run(ctx, c, SendOptions.send(), rate, Tr.f("Sending campaign %d", c.id()), ready);
        return edited.isEmpty() ? report : edited + "\n" + report;
    }

    @Command(name = {"campaigns", "resume"}, group = Groups.CAMPAIGNS,
            description = "Continue a campaign after a crash, kill, Ctrl-C or a day with work left: each remaining message exactly once",
            help = """
                    campaigns resume 3
                    campaigns resume --all-unfinished""")
    String resume(CommandContext ctx, @Argument(index = 0, description = "ID: the campaign number, or a strategy id for today's plan of it",
                    defaultValue = NO_ID) String id,
            @Option(longName = "rate", description = "rate for this run, e.g. 20/s (default: per channel)") String rate,
            @Option(longName = "all-unfinished", description = "every campaign still sending (daily scripts start with this)") boolean all) {
        checkRate(rate);
        id = NO_ID.equals(id) ? null : id;
        if (all == (id != null && !id.isBlank())) {
            throw new UsageException(Tr.t("give a campaign ID or --all-unfinished"));
        }
        if (!all) {
            Optional<Campaign> found = refs.resolveForSending(id);
            if (found.isEmpty()) {
                return Tr.f("Nothing to resume: no campaign of %s was planned today (%s).", id.strip(), shop.today());
            }
            String closed = closed(found.get());
            if (closed != null) return closed;
            return run(ctx, found.get(), SendOptions.resume(), rate, Tr.f("Resuming campaign %d", found.get().id()), readiness(found.get()));
        }
        List<Campaign> open = campaigns.unfinished();
        if (open.isEmpty()) {
            return Tr.t("Nothing to resume: every campaign is finished or cancelled.");
        }
        StringBuilder sb = new StringBuilder();
        boolean left = false;
        for (Campaign c : open) {
            try {
                sb.append(run(ctx, c, SendOptions.resume(), rate, Tr.f("Resuming campaign %d", c.id()), readiness(c))).append('\n');
            } catch (WorkLeft w) {
                sb.append(w.getMessage()).append('\n');
                left = true;
            }
        }
        if (left) throw new WorkLeft(sb.toString().stripTrailing());
        return sb.toString().stripTrailing();
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
                    campaigns reconcile --all-unfinished
                    campaigns reconcile 3 --mark sent
                    campaigns reconcile 3 --mark resend""")
    String reconcile(@Argument(index = 0, description = "ID: the campaign number, or a strategy id for today's plan of it",
                    defaultValue = NO_ID) String id,
            @Option(longName = "mark", description = "your decision for every remaining unknown: sent, resend or failed") String mark,
            @Option(longName = "all-unfinished", description = "every campaign still sending (asks the providers; no --mark)") boolean all) {
        id = NO_ID.equals(id) ? null : id;
        if (all) {
            if (mark != null || (id != null && !id.isBlank())) {
                throw new UsageException(Tr.t("--all-unfinished asks the providers for every unfinished campaign: give no ID and no --mark"));
            }
            List<String> reports = new ArrayList<>();
            for (Campaign c : campaigns.unfinished()) {
                if (ledger.counts(c.id()).get(DeliveryState.UNKNOWN) > 0) {
                    reports.add(DeliveryReports.reconcile(c.id(), unknowns.reconcile(c.id(), deliveries.of(c))));
                }
            }
            return reports.isEmpty() ? Tr.t("No unknown deliveries in unfinished campaigns.") : String.join("\n", reports);
        }
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

    @Command(name = {"campaigns", "cancel"}, group = Groups.CAMPAIGNS,
            description = "Cancel a campaign: nothing more goes out (a running send stops), the ledger keeps what happened",
            help = """
                    campaigns cancel 3
                    campaigns cancel 3 --yes""")
    String cancel(CommandContext ctx, @Argument(index = 0, description = "ID: the campaign number, or a strategy id for today's plan of it") String id,
            @Option(longName = "yes", description = "do not ask for confirmation (scripts)") boolean yes) {
        Campaign c = refs.resolve(id);
        if (c.status().equals(CampaignStatus.CANCELLED)) {
            return Tr.f("Campaign %d is already cancelled.", c.id());
        }
        if (c.status().equals(CampaignStatus.FINISHED)) {
            return Tr.f("Campaign %d is finished: every target has its outcome, nothing left to cancel.", c.id());
        }
        if (!Confirmation.confirm(ctx, Tr.f("Cancel campaign %d '%s'? Messages not yet sent will never go out.", c.id(), c.name()), yes)) {
            return Tr.t("Nothing cancelled.");
        }
        CampaignCancellation.Result r = cancellation.cancel(c);
        StringBuilder sb = new StringBuilder(Tr.f("Campaign %d cancelled: %,d message(s) will not go out; %,d were sent before.",
                c.id(), r.cancelled(), r.sent()));
        if (r.unknown() > 0) {
            sb.append('\n').append(Tr.f("%,d message(s) have an unknown outcome (they may have gone out): campaigns reconcile %d",
                    r.unknown(), c.id()));
        }
        return sb.toString();
    }

    /** The answer for a campaign that is over, or null when it may be sent. */
    private static String closed(Campaign c) {
        if (c.status().equals(CampaignStatus.FINISHED)) {
            return Tr.f("Campaign %d is finished: every target has its outcome, nothing to send. See campaigns status %d", c.id(), c.id());
        }
        if (c.status().equals(CampaignStatus.CANCELLED)) {
            return Tr.f("Campaign %d was cancelled: nothing is sent. Plan the strategy again to contact its customers.", c.id());
        }
        return null;
    }

    /** Template files edited since the campaign was approved: the approved text goes out, and the operator is told. */
    private String editedTemplates(Campaign c) {
        java.util.Map<String, dev.rekindle.api.ContactKind> kinds = new LinkedHashMap<>();
        campaigns.countBy(c.id(), "channel", "target").keySet().forEach(ch -> channelKinds.kindOf(ch).ifPresent(k -> kinds.put(ch, k)));
        StringBuilder sb = new StringBuilder();
        for (CampaignTemplates.Change ch : approved.changes(c, kinds)) {
            sb.append(Tr.f("%s changed since it was approved (%s → %s): the approved text goes out; to use the new one: campaigns approve %d",
                    ch.file(), ch.approved(), ch.now(), c.id())).append('\n');
        }
        return sb.toString().stripTrailing();
    }

    /** Which of the campaign's channels cannot send now: their messages will wait as pending. */
    private Readiness readiness(Campaign c) {
        Map<String, String> notReady = new LinkedHashMap<>();
        Map<String, Long> byChannel = campaigns.countBy(c.id(), "channel", "target");
        for (String ch : byChannel.keySet()) {
            Optional<Channel> channel = channels.find(ch);
            if (channel.isEmpty()) {
                notReady.put(ch, Tr.f("no channel plugin provides %s (channels list)", ch));
            } else if (!channel.get().missingSettings().isEmpty()) {
                notReady.put(ch, Tr.f("missing %s", String.join(", ", channel.get().missingSettings())));
            }
        }
        return new Readiness(notReady, byChannel);
    }

    /** The channels that cannot send now, why, and how many targets each has. */
    private record Readiness(Map<String, String> notReady, Map<String, Long> targets) {
        String describe() {
            StringBuilder sb = new StringBuilder();
            notReady.forEach((ch, why) -> sb.append(Tr.f("Channel %s is not ready (%s): its %,d message(s) will wait as pending.",
                    ch, why, targets.getOrDefault(ch, 0L))).append('\n'));
            sb.append(notReady.keySet().containsAll(targets.keySet())
                    ? Tr.t("No channel of this campaign can send now: fix the settings (channels list), then resume.")
                    : Tr.t("The other channels send now; a resume sends the rest once their channel is ready."));
            return sb.toString();
        }
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

    private String run(CommandContext ctx, Campaign c, SendOptions options, String rate, String label, Readiness ready) {
        if (rate != null) {
            options = options.withRate(rate);
        }
        options = options.cancelledWhen(() -> campaigns.find(c.id()).map(x -> x.status().equals(CampaignStatus.CANCELLED)).orElse(true));
        try (Progress p = Progress.start(ctx, label, c.targets())) {
            campaigns.markSending(c.id());
            SendReport r = engine.send(c.id(), deliveries.of(c), options.withProgress(done -> p.advance(done - p.done())));
            DeliveryStatus status = DeliveryStatus.of(c.id(), ledger, runs, jdbc);
            boolean cancelled = campaigns.find(c.id()).map(x -> x.status().equals(CampaignStatus.CANCELLED)).orElse(false);
            if (cancelled) {
                cancellation.cancel(c);
            } else if (status.finished()) {
                campaigns.setStatus(c.id(), CampaignStatus.FINISHED);
            }
            String report = DeliveryReports.run(r);
            if (!ready.notReady().isEmpty()) report = ready.describe() + "\n" + report;
            if (r.stopped() != null && !cancelled && !r.stoppedByOperator()) {
                // a script must notice: the report goes out, and the command fails (exit 1)
                ctx.outputWriter().println(report);
                ctx.outputWriter().flush();
                throw new UserException(Tr.f("campaign %d stopped early (%s). Nothing was lost: fix the cause, then run campaigns resume %d",
                        c.id(), r.stopped(), c.id()));
            }
            if (!cancelled && !status.finished()) {
                throw new WorkLeft(report + "\n" + Tr.f("Campaign %d is not finished: %,d message(s) left (%s). Next: %s",
                        c.id(), status.open() + status.unread(c.targets()), status.openSummary(),
                        status.counts().get(DeliveryState.UNKNOWN) > 0
                                ? Tr.f("campaigns reconcile %d, then campaigns resume %d", c.id(), c.id())
                                : Tr.f("campaigns resume %d (a daily script does it with campaigns resume --all-unfinished)", c.id())));
            }
            return report;
        }
    }
}
