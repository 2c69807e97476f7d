package dev.rekindle.plugins.email;

import dev.rekindle.api.Channel;
import dev.rekindle.api.ChannelTraits;
import dev.rekindle.api.ContactKind;
import dev.rekindle.api.DeliveryResult;
import dev.rekindle.api.OutboundMessage;
import dev.rekindle.api.Purpose;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * Email over SMTP: a text part and, when given, an HTML part; the shop's name as the sender's name;
 * STARTTLS, implicit TLS or none; and on every message, when configured, {@code List-Unsubscribe} with
 * {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click} (RFC 8058), which mailbox providers require
 * of bulk senders. Marketing is refused until an unsubscribe link or address is configured.
 *
 * <p>Settings ({@code rekindle.plugins.channel-email.*}): {@code host}, {@code port} (default by tls:
 * 587, 465, 25), {@code tls} (starttls, ssl, none), {@code trust} (hosts whose certificate is trusted
 * without a CA, e.g. a relay with its own certificate), {@code check-server-identity} (default true; false
 * only for a relay whose certificate names another host), {@code username}, {@code password} (or env
 * REKINDLE_SMTP_PASSWORD), {@code from}, {@code from-name} (default: the shop's name), {@code reply-to},
 * {@code unsubscribe-url} (https, {@code {key}} is replaced by the message's key), {@code unsubscribe-mailto},
 * {@code connect-timeout-ms}, {@code timeout-ms}.
 */
@Extension
public class EmailChannel implements Channel {

    /** SMTP relays throttle hard and quietly: start gently. */
    static final double DEFAULT_RATE = 5;

    private final Map<String, String> env;
    private EmailSettings settings;
    private SmtpSender sender;

    public EmailChannel() {
        this(System.getenv());
    }

    EmailChannel(Map<String, String> env) {
        this.env = env;
        this.settings = new EmailSettings(Map.of(), env);
    }

    @Override
    public String id() {
        return "email";
    }

    @Override
    public String title() {
        return "Email over SMTP (HTML + text, one-click unsubscribe headers)";
    }

    @Override
    public ChannelTraits traits() {
        return new ChannelTraits(ContactKind.EMAIL, 0, 0, 1, DEFAULT_RATE, false, true);
    }

    @Override
    public void configure(Map<String, String> s) {
        settings = new EmailSettings(s, env);
        sender = settings.missing().isEmpty() ? inPluginLoader(() -> new SmtpSender(settings)) : null;
    }

    @Override
    public List<String> missingSettings() {
        return settings.missing();
    }

    @Override
    public String senderOf(OutboundMessage message) {
        return settings.from;
    }

    @Override
    public DeliveryResult deliver(OutboundMessage m) {
        if (sender == null) {
            return DeliveryResult.transientFailure("not-configured", "channel email is missing settings: "
                    + String.join(", ", missingSettings()), null);
        }
        if (m.purpose() == Purpose.MARKETING && !settings.canUnsubscribe()) {
            // a setup problem, not this message's: the host stops the run and nothing is marked failed
            return DeliveryResult.transientFailure("no-unsubscribe", "marketing mail needs a way to unsubscribe: set "
                    + "unsubscribe-url (https, one-click) or unsubscribe-mailto, then resume", null);
        }
        if (m.text() == null && m.html() == null) {
            return DeliveryResult.permanentFailure("empty", "nothing to send: no text and no HTML");
        }
        return inPluginLoader(() -> sender.send(m));
    }

    /**
     * Jakarta Mail finds its providers through the thread's context class loader. The host's threads
     * carry the host's loader, which must not lend its own mail classes (if any) to the plugin's.
     */
    private static <T> T inPluginLoader(java.util.function.Supplier<T> work) {
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        t.setContextClassLoader(EmailChannel.class.getClassLoader());
        try {
            return work.get();
        } finally {
            t.setContextClassLoader(before);
        }
    }
}
