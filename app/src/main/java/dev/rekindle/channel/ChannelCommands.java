package dev.rekindle.channel;

import dev.rekindle.api.Channel;
import dev.rekindle.api.ChannelTraits;
import dev.rekindle.api.ContactKind;
import dev.rekindle.api.DeliveryResult;
import dev.rekindle.api.OutboundMessage;
import dev.rekindle.api.Purpose;
import dev.rekindle.delivery.DeliveryPolicy;
import dev.rekindle.delivery.RateSpec;
import dev.rekindle.i18n.Tr;
import dev.rekindle.shell.Groups;
import dev.rekindle.shell.OutputFormat;
import dev.rekindle.shell.Table;
import dev.rekindle.shell.UserException;
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
    private final DeliveryPolicy policy;
    private final ShopProfile shop;

    ChannelCommands(ObjectProvider<ChannelRegistry> registry, DeliveryPolicy policy, ShopProfile shop) {
        this.registry = registry;
        this.policy = policy;
        this.shop = shop;
    }

    @Command(name = {"channels", "list"}, group = Groups.CHANNELS,
            description = "Channels to send through: plugin, whether they are ready (or what is missing), rate limit",
            help = """
                    channels list
                    channels list --format json""")
    String list(@Option(longName = "format", description = "table, json or csv", defaultValue = "table") String format) {
        OutputFormat out = OutputFormat.parse(format);
        ChannelRegistry channels = registry.getObject();
        Table t = new Table("id", "plugin", "contact", "ready", "rate", "status_query", "marketing", "title");
        for (RegisteredChannel rc : channels.all()) {
            Channel c = rc.channel();
            ChannelTraits traits = c.traits();
            t.row(rc.id(), rc.pluginId(), traits.contact().name().toLowerCase(), readiness(channels, c), rate(c),
                    traits.canQueryStatus() ? "yes" : "no", traits.marketingAllowed() ? "yes" : "care only", c.title());
        }
        if (out != OutputFormat.TABLE) return t.render(out);
        return t.render(out) + "\n\n" + Tr.t("Settings: rekindle.plugins.<plugin>.* (secrets may come from the environment); "
                + "rates: rekindle.delivery.rate.<channel>=50/s. Try one: channels test ID --to ADDRESS");
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
            throw new UserException(Tr.f("channel %s failed: %s (details in the log)", c.id(), e.getMessage()));
        }
        String where = Addresses.mask(c.traits().contact(), recipient);
        return switch (r.outcome()) {
            case ACCEPTED -> Tr.f("Sent a test message through %s to %s: accepted%s.", c.id(), where,
                    r.providerId() == null ? "" : Tr.f(" (provider id %s)", r.providerId()));
            case PERMANENT -> throw new UserException(Tr.f("the test message to %s was refused: %s — %s", where, r.code(), r.detail()));
            case TRANSIENT -> throw new UserException(Tr.f("the test message to %s did not go out (try again later): %s — %s",
                    where, r.code(), r.detail()));
            case UNKNOWN -> throw new UserException(Tr.f("no answer for the test message to %s: %s. It may still arrive; "
                    + "check before trying again.", where, r.detail()));
        };
    }

    private String rate(Channel c) {
        RateSpec rate = policy.rateFor(c.id(), c.traits().defaultRatePerSecond());
        String s = rate.toString();
        if (c.senderRatePerSecond() > 0) s += "; " + RateSpec.perSecond(c.senderRatePerSecond()) + " per sender";
        return s;
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
