package dev.rekindle.delivery;

import dev.rekindle.api.ChannelTraits;
import dev.rekindle.api.Purpose;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one place that decides, for one message at the moment it would go out: send, skip with a reason,
 * or wait. Runs inside the ledger's claim transaction (IMMEDIATE on SQLite), so what it reads — consents
 * imported a second ago, messages other campaigns sent a second ago — cannot change before the row is
 * written: two campaigns sending at once cannot both pass a cap.
 *
 * <p>Order: holdout, contact data, channel rules, erased customer, opt-out (any purpose), missing
 * consent (marketing), quiet hours (wait), give-up (marketing), frequency caps. Quiet hours come before
 * give-up and caps so that a waiting message is judged by those when it really goes out.
 */
public final class SendGuards {

    private final DeliveryPolicy policy;

    public SendGuards(DeliveryPolicy policy) {
        this.policy = policy;
    }

    public GuardDecision check(JdbcClient jdbc, DeliveryRequest r, ChannelTraits traits, LocalDateTime now) {
        if (r.holdout()) {
            return new GuardDecision.Skip("holdout", "in the campaign's holdout group: measured, not contacted");
        }
        if (!r.hasRecipient()) {
            return new GuardDecision.Skip("no-contact", "no " + traits.contact().name().toLowerCase() + " contact data");
        }
        if (r.purpose() == Purpose.MARKETING && !traits.marketingAllowed()) {
            return new GuardDecision.Skip("channel-refuses-marketing", "channel " + r.channel() + " carries service notices only");
        }
        String tooLong = tooLong(r, traits);
        if (tooLong != null) {
            return new GuardDecision.Skip("too-long", tooLong);
        }
        if (!r.isGroupPost()) {
            GuardDecision person = personal(jdbc, r, traits);
            if (person != null) return person;
        }
        if (policy.quietHours().isQuiet(now.toLocalTime())) {
            return new GuardDecision.Defer(policy.quietHours().endAfter(now), "quiet hours " + policy.quietHours());
        }
        if (!r.isGroupPost()) {
            GuardDecision limits = limits(jdbc, r, now);
            if (limits != null) return limits;
        }
        return GuardDecision.GO;
    }

    private GuardDecision personal(JdbcClient jdbc, DeliveryRequest r, ChannelTraits traits) {
        Boolean erased = jdbc.sql("SELECT erased_at IS NOT NULL FROM customers WHERE id = ?").param(r.customerId())
                .query(Boolean.class).optional().orElse(false);
        if (erased) {
            return new GuardDecision.Skip("erased", "the customer's personal data was erased");
        }
        String consentChannel = policy.consentChannel(r.channel(), traits.contact());
        if (consentChannel == null) return null;
        // the latest decision per channel; '*' covers every channel
        List<Integer> decisions = jdbc.sql("SELECT granted FROM consents WHERE customer_id = ? AND channel IN (?, '*')")
                .params(r.customerId(), consentChannel).query(Integer.class).list();
        if (decisions.contains(0)) {
            return new GuardDecision.Skip("opted-out", "refused contact by " + consentChannel + " or by every channel");
        }
        if (r.purpose() == Purpose.MARKETING && decisions.isEmpty() && policy.marketingNeedsGrant(consentChannel)) {
            return new GuardDecision.Skip("no-consent", "no recorded consent to marketing by " + consentChannel);
        }
        return null;
    }

    private GuardDecision limits(JdbcClient jdbc, DeliveryRequest r, LocalDateTime now) {
        String key = r.key();
        if (r.purpose() == Purpose.MARKETING && policy.giveUpAfter() > 0) {
            int since = jdbc.sql("""
                    SELECT count(*) FROM deliveries
                    WHERE customer_id = ? AND purpose = 'MARKETING' AND state IN ('sending', 'sent', 'unknown')
                      AND idempotency_key <> ?
                      AND contacted_at > coalesce((SELECT last_order_at FROM customer_stats WHERE customer_id = ?), '')""")
                    .params(r.customerId(), key, r.customerId()).query(Integer.class).single();
            if (since >= policy.giveUpAfter()) {
                return new GuardDecision.Skip("gave-up", since + " marketing messages since the last order: not disturbed again");
            }
        }
        List<FrequencyCap> caps = policy.caps(r.purpose());
        if (caps.isEmpty()) return null;
        int widest = caps.stream().mapToInt(FrequencyCap::days).max().orElse(0);
        List<String> contacts = jdbc.sql("""
                SELECT contacted_at FROM deliveries
                WHERE customer_id = ? AND purpose = ? AND state IN ('sending', 'sent', 'unknown')
                  AND idempotency_key <> ? AND contacted_at >= ?""")
                .params(r.customerId(), r.purpose().name(), key, DeliveryLedger.time(now.minusDays(widest)))
                .query(String.class).list();
        for (FrequencyCap cap : caps) {
            String from = DeliveryLedger.time(now.minusDays(cap.days()));
            long recent = contacts.stream().filter(t -> t.compareTo(from) >= 0).count();
            if (recent >= cap.count()) {
                return new GuardDecision.Skip(cap.reason(), recent + " " + r.purpose().name().toLowerCase()
                        + " message(s) in the last " + cap.days() + " days");
            }
        }
        return null;
    }

    private static String tooLong(DeliveryRequest r, ChannelTraits traits) {
        String text = r.text() == null ? "" : r.text();
        if (traits.maxChars() > 0 && text.codePointCount(0, text.length()) > traits.maxChars()) {
            return text.codePointCount(0, text.length()) + " characters, the channel takes " + traits.maxChars();
        }
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (traits.maxBytes() > 0 && bytes > traits.maxBytes()) {
            return bytes + " bytes, the channel takes " + traits.maxBytes();
        }
        return null;
    }
}
