package dev.rekindle.delivery;

import dev.rekindle.api.ChannelTraits;
import dev.rekindle.api.Purpose;
import dev.rekindle.guard.ContactRules;
import dev.rekindle.guard.ContactRules.Judgement;
import dev.rekindle.guard.SkipReason;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The guard at the moment a message would go out: {@link ContactRules} judged on facts read from the
 * database inside the ledger's claim transaction (IMMEDIATE on SQLite), so what it reads — consents
 * imported a second ago, messages other campaigns sent a second ago — cannot change before the row is
 * written: two campaigns sending at once cannot both pass a cap or both take one occasion.
 */
public final class SendGuards {

    private final ContactRules rules;

    public SendGuards(DeliveryPolicy policy) {
        this.rules = new ContactRules(policy.guardPolicy());
    }

    public Judgement check(JdbcClient jdbc, DeliveryRequest r, ChannelTraits traits, LocalDateTime now) {
        if (r.holdout()) {
            return new Judgement.Skip(SkipReason.HOLDOUT, "in the campaign's holdout group: measured, not contacted", 0);
        }
        if (r.presetSkip() != null) {
            // the campaign's own re-check before rendering said no (opted out since planning, data erased…)
            return new Judgement.Skip(r.presetSkip(), "refused when the campaign re-checked it before rendering", 0);
        }
        ContactRules.Contact c = new ContactRules.Contact(r.isGroupPost() ? 0 : r.customerId(), r.purpose(), r.channel(),
                traits.contact(), traits, r.recipient(), r.text() == null ? "" : r.text());
        return rules.judge(c, r.isGroupPost() ? ContactRules.Facts.consentsOnly(Map.of()) : new Ledger(jdbc, r), now,
                ContactRules.Moment.SENDING);
    }

    /** A customer's facts as the database has them now; each read only when a rule asks. */
    private static final class Ledger implements ContactRules.Facts {
        private final JdbcClient jdbc;
        private final DeliveryRequest r;

        Ledger(JdbcClient jdbc, DeliveryRequest r) {
            this.jdbc = jdbc;
            this.r = r;
        }

        @Override
        public boolean erased() {
            return jdbc.sql("SELECT erased_at IS NOT NULL FROM customers WHERE id = ?").param(r.customerId())
                    .query(Boolean.class).optional().orElse(false);
        }

        @Override
        public Map<String, Boolean> consents() {
            Map<String, Boolean> m = new HashMap<>();
            jdbc.sql("SELECT channel, granted FROM consents WHERE customer_id = ?").param(r.customerId())
                    .query((rs, i) -> m.put(rs.getString(1), rs.getInt(2) != 0)).list();
            return m;
        }

        @Override
        public List<LocalDateTime> contactedSince(Purpose purpose, LocalDateTime from) {
            return jdbc.sql("""
                    SELECT contacted_at FROM deliveries
                    WHERE customer_id = ? AND purpose = ? AND state IN ('sending', 'sent', 'unknown')
                      AND idempotency_key <> ? AND contacted_at >= ?""")
                    .params(r.customerId(), purpose.name(), r.key(), DeliveryLedger.time(from))
                    .query(String.class).list().stream().map(DeliveryLedger::parseTime).toList();
        }

        @Override
        public int marketingSinceLastOrder() {
            return jdbc.sql("""
                    SELECT count(*) FROM deliveries
                    WHERE customer_id = ? AND purpose = 'MARKETING' AND state IN ('sending', 'sent', 'unknown')
                      AND idempotency_key <> ?
                      AND contacted_at > coalesce((SELECT last_order_at FROM customer_stats WHERE customer_id = ?), '')""")
                    .params(r.customerId(), r.key(), r.customerId()).query(Integer.class).single();
        }

        @Override
        public boolean occasionTaken() {
            if (r.occasion() == null) return false;
            return jdbc.sql("""
                    SELECT count(*) FROM deliveries
                    WHERE customer_id = ? AND occasion = ? AND idempotency_key <> ? AND state IN ('sending', 'sent', 'unknown')""")
                    .params(r.customerId(), r.occasion(), r.key()).query(Integer.class).single() > 0;
        }
    }
}
