package dev.rekindle.channel;

import dev.rekindle.api.Channel;
import dev.rekindle.api.ChannelTraits;
import dev.rekindle.api.ContactKind;
import dev.rekindle.api.DeliveryResult;
import dev.rekindle.api.OutboundMessage;
import dev.rekindle.api.Purpose;
import dev.rekindle.customer.ContactBook;
import dev.rekindle.i18n.Tr;
import dev.rekindle.plugin.PluginSettings;
import dev.rekindle.plugin.Redactor;
import dev.rekindle.console.Fields;
import dev.rekindle.console.Groups;
import dev.rekindle.console.TextWidth;
import dev.rekindle.console.OutputFormat;
import dev.rekindle.console.Table;
import dev.rekindle.console.UserException;
import dev.rekindle.shop.ShopProfile;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

@Component
class ChannelCommands {

    private static final Logger log = LoggerFactory.getLogger(ChannelCommands.class);

    private final ObjectProvider<ChannelRegistry> registry;
    private final SendRates rates;
    private final ShopProfile shop;
    private final PluginSettings settings;
    private final ContactBook contacts;

    ChannelCommands(ObjectProvider<ChannelRegistry> registry, SendRates rates, ShopProfile shop, PluginSettings settings,
            ContactBook contacts) {
        this.contacts = contacts;
        this.registry = registry;
        this.rates = rates;
        this.shop = shop;
        this.settings = settings;
    }

    @Command(name = {"channels", "list"}, group = Groups.CHANNELS,
            description = "Channels to send through: plugin, whether they are ready (or what is missing), rate limit",
            help = """
                    channels list
                    channels list --format json""")
    String list(@Option(longName = "format", description = "table, json or csv", defaultValue = "table") String format) {
        OutputFormat out = OutputFormat.parse(format);
        ChannelRegistry channels = registry.getObject();
        // reachable last: scripts reading the CSV by position keep working
        Table data = new Table("id", "plugin", "contact", "ready", "rate", "status_query", "marketing", "title", "reachable");
        // on screen: no plugin column (plugins list has it), what is missing counted (channels show names it), the
        // title's first clause: nine columns with full texts wrapped a title over eight lines at 120 columns
        Table screen = new Table("id", "contact", "ready", "rate", "status_query", "marketing", "reachable", "title")
                .fit(Table.SCREEN);
        Map<ContactKind, String> reach = new java.util.HashMap<>();
        for (RegisteredChannel rc : channels.all()) {
            Channel c = rc.channel();
            ChannelTraits traits = c.traits();
            String statusQuery = traits.canQueryStatus() ? "yes" : "no";
            String marketing = traits.marketingAllowed() ? "yes" : "care only";
            String reachable = reach.computeIfAbsent(traits.contact(), this::reachable);
            String rate = rate(c);
            data.row(rc.id(), rc.pluginId(), traits.contact().id(), readiness(channels, c), rate, statusQuery, marketing,
                    c.title(), reachable);
            screen.row(rc.id(), traits.contact().id(), shortReadiness(channels, c), rate, statusQuery, marketing, reachable,
                    shortTitle(c.title()));
        }
        if (out != OutputFormat.TABLE) return data.render(out);
        return screen.render(out) + "\n\n" + Fields.paragraph(Tr.t("Settings: rekindle.plugins.<plugin>.* (secrets may come from the environment); "
                + "rates: rekindle.delivery.rate.<channel>=50/s. Try one: channels test ID --to ADDRESS"))
                + "\n" + Tr.t("Details and settings of one channel: channels show ID");
    }

    /** A channel's title up to its first parenthesis or colon: "SMS through Aliyun (SendSms/…)" → "SMS through Aliyun". */
    static String shortTitle(String title) {
        if (title == null) return "";
        int cut = title.length();
        for (String mark : new String[] {" (", ": ", "："}) {
            int at = title.indexOf(mark);
            if (at > 0 && at < cut) cut = at;
        }
        return title.substring(0, cut).strip();
    }

    /** The ready column on screen: "yes", "error", or how many settings are missing. */
    private static String shortReadiness(ChannelRegistry channels, Channel c) {
        if (channels.configureError(c.id()).isPresent()) return Tr.t("error (channels show)");
        int missing = c.missingSettings().size();
        if (missing == 0) return "yes";
        return missing == 1 ? Tr.t("1 setting missing") : Tr.f("%d settings missing", missing);
    }

    /**
     * How many customers have an address of the kind: "0" for a plugin's kind no import brought yet (the
     * channel is fine, the shop has no addresses), "-" for group posts.
     */
    private String reachable(ContactKind kind) {
        java.util.OptionalLong n = contacts.reachable(kind);
        return n.isPresent() ? Long.toString(n.getAsLong()) : "-";
    }

    @Command(name = {"channels", "show"}, group = Groups.CHANNELS,
            description = "One channel: plugin, traits, readiness, and the settings it declares (secrets masked)",
            help = """
                    channels show sms
                    channels show file""")
    String show(@Argument(index = 0, description = "ID: the channel, as in channels list") String id) {
        ChannelRegistry channels = registry.getObject();
        RegisteredChannel rc = channels.find(id == null ? "" : id.trim()).orElseThrow(() -> new UserException(
                Tr.f("no channel '%s'. Channels: %s", id, String.join(", ", channels.all().stream().map(RegisteredChannel::id).toList()))));
        Channel c = rc.channel();
        ChannelTraits traits = c.traits();
        StringBuilder sb = new StringBuilder();
        sb.append(c.id()).append(" — ").append(c.title()).append('\n');
        line(sb, Tr.t("plugin"), rc.pluginId());
        line(sb, Tr.t("ready"), readiness(channels, c));
        line(sb, Tr.t("contact"), traits.contact().id());
        line(sb, Tr.t("reachable"), reachable(traits.contact()));
        line(sb, Tr.t("rate"), rate(c));
        line(sb, Tr.t("limits"), (traits.maxChars() == 0 ? "-" : traits.maxChars() + " chars") + ", "
                + (traits.maxBytes() == 0 ? "-" : traits.maxBytes() + " bytes") + ", batch " + traits.batchSize());
        line(sb, Tr.t("status"), traits.canQueryStatus() ? Tr.t("can look up unknown outcomes") : Tr.t("no status query"));
        List<PluginSettings.Bound> bound = settings.bind(rc.pluginId(), channels.declaredSettings(c.id()));
        if (bound.isEmpty()) {
            sb.append(Tr.f("Settings: none declared (any rekindle.plugins.%s.* is passed to the channel).", rc.pluginId())).append('\n');
        } else {
            // the environment variables by their rule, not a column: at 120 columns a column of them broke the names
            // mid-word, and a name copied from the screen must work
            sb.append(Tr.f("Settings (rekindle.plugins.%s.<name>, or the environment variable %s<NAME>):", rc.pluginId(),
                    PluginSettings.envName(rc.pluginId(), ""))).append('\n');
            Table t = new Table("name", "value", "from", "required", "description").fit(Table.SCREEN);
            for (PluginSettings.Bound b : bound) {
                String own = b.setting().env();
                t.row(b.setting().name(), b.shown(), b.source(), b.setting().required() ? "yes" : "no",
                        b.setting().description() + (own == null || own.isBlank() ? "" : " " + Tr.f("(also %s)", own)));
            }
            sb.append(t.render(OutputFormat.TABLE));
        }
        return sb.toString().stripTrailing();
    }

    private static void line(StringBuilder sb, String label, String value) {
        sb.append("  ").append(TextWidth.pad(label, 10)).append(' ').append(value).append('\n');
    }

    @Command(name = {"channels", "test"}, group = Groups.CHANNELS,
            description = "Send one test message through a channel now (no campaign, no ledger, no quiet hours)",
            help = """
                    channels test sms --to 13812345678
                    channels test email --to me@example.com --text "测试邮件"
                    channels test wecom-robot --to 老客福利群""")
    String test(@Argument(index = 0, description = "ID: the channel, as in channels list") String id,
            @Option(longName = "to", description = "where to: a mobile, an email, an openid or a group name", required = true) String to,
            @Option(longName = "text", description = "the message (default: a short test text with the shop's signature)") String text) {
        RegisteredChannel rc = registry.getObject().find(id == null ? "" : id.trim()).orElseThrow(() -> new UserException(
                Tr.f("no channel '%s'. Channels: %s", id, String.join(", ", registry.getObject().all().stream().map(RegisteredChannel::id).toList()))));
        Channel c = rc.channel();
        String error = registry.getObject().configureError(c.id()).orElse(null);
        if (error != null) {
            throw new UserException(Tr.f("channel %s is not ready: error: %s. Set rekindle.plugins.%s.<setting>.", c.id(), error, rc.pluginId()));
        }
        if (!c.missingSettings().isEmpty()) {
            throw new UserException(Tr.f("channel %s is not ready: missing %s. Set rekindle.plugins.%s.<setting>.", c.id(),
                    String.join(", ", c.missingSettings()), rc.pluginId()));
        }
        String recipient = Addresses.check(c.traits().contact(), to);
        String body = text == null || text.isBlank()
                ? "【" + shop.signature() + "】这是 Rekindle 的测试消息，收到即说明通道可用。This is a Rekindle test message."
                : text;
        String key = "rk-test-" + System.currentTimeMillis() + "-" + c.id();
        OutboundMessage m = new OutboundMessage(key, 0, "test", recipient, "Rekindle test · " + shop.name(), body,
                c.traits().contact() == ContactKind.EMAIL ? "<p>" + escape(body) + "</p>" : null, Purpose.CARE, Map.of());
        DeliveryResult r;
        try {
            r = c.deliver(m);
        } catch (RuntimeException | LinkageError e) {
            log.error("channel {} threw on a test message", c.id(), e);
            throw new UserException(Tr.f("channel %s failed: %s (details in the log)", c.id(), Redactor.redact(e.getMessage())));
        }
        String where = Addresses.mask(c.traits().contact(), recipient);
        return switch (r.outcome()) {
            case ACCEPTED -> Tr.f("Sent a test message through %s to %s: accepted%s.", c.id(), where,
                    r.providerId() == null ? "" : Tr.f(" (provider id %s)", r.providerId()));
            case PERMANENT -> throw new UserException(Tr.f("the test message to %s was refused: %s — %s", where, r.code(),
                    Redactor.redact(r.detail())));
            case TRANSIENT -> throw new UserException(Tr.f("the test message to %s did not go out (try again later): %s — %s",
                    where, r.code(), Redactor.redact(r.detail())));
            case UNKNOWN -> throw new UserException(Tr.f("no answer for the test message to %s: %s. It may still arrive; "
                    + "check before trying again.", where, Redactor.redact(r.detail())));
        };
    }

    private String rate(Channel c) {
        return rates.describe(c);
    }

    /** The ready column stays English: the table is also JSON and CSV for scripts. */
    private static String readiness(ChannelRegistry channels, Channel c) {
        String error = channels.configureError(c.id()).orElse(null);
        if (error != null) return "error: " + error;
        List<String> missing = c.missingSettings();
        return missing.isEmpty() ? "yes" : "missing " + String.join(", ", missing);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
