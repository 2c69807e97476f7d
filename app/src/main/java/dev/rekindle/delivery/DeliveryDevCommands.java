package dev.rekindle.delivery;

import dev.rekindle.api.Channel;
import dev.rekindle.api.Purpose;
import dev.rekindle.console.Confirmation;
import dev.rekindle.console.Groups;
import dev.rekindle.console.OutputFormat;
import dev.rekindle.console.Progress;
import dev.rekindle.console.Table;
import dev.rekindle.console.UsageException;
import dev.rekindle.console.UserException;
import dev.rekindle.shop.ShopProfile;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

/**
 * Hidden developer commands that drive the delivery engine with synthetic messages, for demos against
 * the loopback fakes, the kill test and {@code bench/send.sh}. Operators send campaigns instead.
 */
@Component
class DeliveryDevCommands {

    private final DeliveryEngine engine;
    private final UnknownOutcomes unknowns;
    private final DeliveryLedger ledger;
    private final DeliveryRuns runs;
    private final ChannelDirectory channels;
    private final JdbcClient jdbc;
    private final ShopProfile shop;

    DeliveryDevCommands(DeliveryEngine engine, UnknownOutcomes unknowns, DeliveryLedger ledger, DeliveryRuns runs,
            ChannelDirectory channels, JdbcClient jdbc, ShopProfile shop) {
        this.engine = engine;
        this.unknowns = unknowns;
        this.ledger = ledger;
        this.runs = runs;
        this.channels = channels;
        this.jdbc = jdbc;
        this.shop = shop;
    }

    @Command(name = {"deliveries", "synthetic"}, group = Groups.CAMPAIGNS, hidden = true,
            description = "Send synthetic messages through the delivery engine (developers: demos, kill test, benchmark)",
            help = """
                    deliveries synthetic 9001 --channel sms --count 200 --yes
                    deliveries synthetic 9001 --channel sms --count 200 --resume
                    deliveries synthetic 9002 --channel sms --source numbers --count 100000 --concurrency 32 --rate 1000/s --yes""")
    String synthetic(CommandContext ctx, @Argument(index = 0, description = "ID: a campaign number for the ledger") Long campaign,
            @Option(longName = "channel", description = "channel id", defaultValue = "sms") String channel,
            @Option(longName = "count", description = "how many messages", defaultValue = "100") Integer count,
            @Option(longName = "source", description = "customers (from the database) or numbers (made up)", defaultValue = "customers") String source,
            @Option(longName = "purpose", description = "care or marketing", defaultValue = "care") String purpose,
            @Option(longName = "concurrency", description = "messages in flight (default: rekindle.delivery.concurrency)") Integer concurrency,
            @Option(longName = "rate", description = "rate for this run, e.g. 500/s or unlimited (default: per channel)") String rate,
            @Option(longName = "resume", description = "resume an earlier run of this campaign") boolean resume,
            @Option(longName = "without-ledger", description = "benchmark only: no guards, no ledger, no exactly-once") boolean withoutLedger,
            @Option(longName = "yes", description = "do not ask for confirmation") boolean yes) {
        Stream<DeliveryRequest> messages = source(campaign, channel, count, source, purpose);
        if (!resume && !Confirmation.confirm(ctx, "Send " + count + " synthetic " + purpose + " message(s) through " + channel
                + " as campaign " + campaign + "? A configured gateway really sends them.", yes)) {
            return "Nothing sent.";
        }
        if (concurrency != null && concurrency < 1) throw new UsageException("--concurrency must be at least 1");
        if (rate != null) {
            try {
                RateSpec.parse(rate);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--rate: " + e.getMessage());
            }
        }
        SendOptions options = (resume ? SendOptions.resume() : SendOptions.send()).withConcurrency(concurrency).withRate(rate);
        if (withoutLedger) options = options.withoutLedger();
        try (Progress p = Progress.start(ctx, resume ? "Resuming" : "Sending", count)) {
            SendReport r = engine.send(campaign, messages, options.withProgress(done -> p.advance(done - p.done())));
            return DeliveryReports.run(r) + (withoutLedger ? "\n(benchmark mode: nothing was recorded)" : "");
        }
    }

    @Command(name = {"deliveries", "status"}, group = Groups.CAMPAIGNS, hidden = true,
            description = "Delivery status of a campaign from the ledger (developers; operators use campaigns status)",
            help = """
                    deliveries status 9001
                    deliveries status 9001 --format json""")
    String status(@Argument(index = 0, description = "ID: the campaign number") Long campaign,
            @Option(longName = "format", description = "table, json or csv", defaultValue = "table") String format) {
        OutputFormat out = OutputFormat.parse(format);
        DeliveryStatus s = DeliveryStatus.of(campaign, ledger, runs, jdbc);
        if (out == OutputFormat.TABLE) return DeliveryReports.status(s);
        Table t = new Table("campaign", "state", "count", "finished");
        s.counts().forEach((state, n) -> t.row(campaign, state.db(), n, s.finished()));
        return t.render(out);
    }

    @Command(name = {"deliveries", "reconcile"}, group = Groups.CAMPAIGNS, hidden = true,
            description = "Resolve unknown synthetic deliveries by the provider's status query, or by --mark",
            help = """
                    deliveries reconcile 9001 --channel sms --count 200
                    deliveries reconcile 9001 --mark resend""")
    String reconcile(@Argument(index = 0, description = "ID: the campaign number") Long campaign,
            @Option(longName = "channel", description = "channel id", defaultValue = "sms") String channel,
            @Option(longName = "count", description = "how many messages the run had", defaultValue = "100") Integer count,
            @Option(longName = "source", description = "customers or numbers, as when sent", defaultValue = "customers") String source,
            @Option(longName = "purpose", description = "care or marketing, as when sent", defaultValue = "care") String purpose,
            @Option(longName = "mark", description = "your choice for every unknown: sent, resend or failed") String mark) {
        if (mark != null) {
            UnknownOutcomes.Decision d;
            try {
                d = UnknownOutcomes.Decision.parse(mark);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--mark: " + e.getMessage());
            }
            long n = unknowns.decide(campaign, d, List.of());
            return "Campaign " + campaign + ": " + n + " unknown delivery(ies) marked " + d.name().toLowerCase(Locale.ROOT) + "."
                    + (d == UnknownOutcomes.Decision.RESEND && n > 0 ? " A resume sends them." : "");
        }
        return DeliveryReports.reconcile(campaign, unknowns.reconcile(campaign, source(campaign, channel, count, source, purpose)));
    }

    private Stream<DeliveryRequest> source(Long campaign, String channel, Integer count, String source, String purpose) {
        if (campaign == null || campaign < 1) throw new UsageException("ID must be a positive number");
        if (count == null || count < 1) throw new UsageException("--count must be at least 1");
        Channel c = channels.find(channel).orElseThrow(() -> new UserException("no channel '" + channel + "' (see channels list)"));
        SyntheticMessages.Source src;
        Purpose p;
        try {
            src = SyntheticMessages.Source.valueOf(source.trim().toUpperCase(Locale.ROOT));
            p = Purpose.valueOf(purpose.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--source is customers or numbers, --purpose is care or marketing");
        }
        try {
            return SyntheticMessages.of(jdbc, campaign, channel, c.traits().contact(), p, src, count, shop.signature());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
