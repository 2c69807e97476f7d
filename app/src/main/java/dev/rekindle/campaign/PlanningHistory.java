package dev.rekindle.campaign;

import dev.rekindle.api.Purpose;
import dev.rekindle.delivery.DeliveryLedger;
import dev.rekindle.guard.ContactRules;
import dev.rekindle.guard.GuardPolicy;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the guard's history rules need when planning, read in bulk once per plan (one query per rule, not
 * one per customer): who was contacted lately for the purpose — sent, in flight, or planned in another
 * open campaign and not sent yet —, who got enough marketing since their last order to be given up on,
 * and who already has a message for an occasion of the strategy. The send judges again from the ledger.
 */
@Component
public class PlanningHistory {

    private final JdbcClient jdbc;
    private final GuardPolicy policy;

    public PlanningHistory(JdbcClient jdbc, GuardPolicy policy) {
        this.jdbc = jdbc;
        this.policy = policy;
    }

    /** The history as of {@code now} for a plan of {@code strategy}. */
    public Facts load(String strategy, Purpose purpose, LocalDateTime now) {
        Map<Long, List<LocalDateTime>> contacts = new HashMap<>();
        int widest = policy.widestCapDays(purpose);
        if (widest > 0) {
            String from = DeliveryLedger.time(now.minusDays(widest));
            jdbc.sql("""
                    SELECT customer_id, contacted_at FROM deliveries
                    WHERE purpose = ? AND state IN ('sending', 'sent', 'unknown') AND contacted_at >= ? AND customer_id IS NOT NULL""")
                    .params(purpose.name(), from)
                    .query((rs, n) -> contacts.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(DeliveryLedger.parseTime(rs.getString(2)))).list();
            // planned in another open campaign and not sent yet: it will go out, so it counts, from when it was planned
            // (created_at of campaigns planned before this version lacks the seconds when they were :00)
            jdbc.sql("""
                    SELECT m.customer_id, c.created_at FROM campaign_members m JOIN campaigns c ON c.id = m.campaign_id
                    WHERE c.status IN ('planned', 'sending') AND c.purpose = ? AND m.status = 'target' AND c.created_at >= ?
                      AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.campaign_id = m.campaign_id AND d.customer_id = m.customer_id
                                         AND d.state NOT IN ('pending', 'deferred'))""")
                    .params(purpose.name(), from)
                    .query((rs, n) -> contacts.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(LocalDateTime.parse(rs.getString(2).replace(' ', 'T')))).list();
        }
        Map<Long, Integer> givenUp = new HashMap<>();
        if (purpose == Purpose.MARKETING && policy.giveUpAfter() > 0) {
            jdbc.sql("""
                    SELECT d.customer_id, count(*) FROM deliveries d LEFT JOIN customer_stats s ON s.customer_id = d.customer_id
                    WHERE d.purpose = 'MARKETING' AND d.state IN ('sending', 'sent', 'unknown')
                      AND d.contacted_at > coalesce(s.last_order_at, '')
                    GROUP BY d.customer_id HAVING count(*) >= ?""")
                    .param(policy.giveUpAfter()).query((rs, n) -> givenUp.put(rs.getLong(1), rs.getInt(2))).list();
        }
        Set<String> taken = new HashSet<>();
        jdbc.sql("""
                SELECT m.customer_id, m.occasion FROM campaign_members m JOIN campaigns c ON c.id = m.campaign_id
                WHERE c.strategy = ? AND c.status NOT IN ('planning', 'cancelled') AND m.status IN ('target', 'holdout')
                  AND m.occasion IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.campaign_id = m.campaign_id AND d.customer_id = m.customer_id
                                     AND d.state IN ('failed', 'skipped', 'cancelled'))""")
                .param(strategy).query((rs, n) -> taken.add(rs.getLong(1) + "|" + rs.getString(2))).list();
        return new Facts(contacts, givenUp, taken);
    }

    /** The history held for one plan. */
    public record Facts(Map<Long, List<LocalDateTime>> contacts, Map<Long, Integer> givenUp, Set<String> occasionsTaken) {

        /** One customer's facts for the rules, with their consents as read with them. */
        public ContactRules.Facts of(long customerId, Map<String, Boolean> consents, String occasion) {
            return new ContactRules.Known(false, consents, contacts.getOrDefault(customerId, List.of()),
                    givenUp.getOrDefault(customerId, 0), occasion != null && occasionsTaken.contains(customerId + "|" + occasion));
        }
    }
}
