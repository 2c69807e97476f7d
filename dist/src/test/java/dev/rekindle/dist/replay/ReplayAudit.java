package dev.rekindle.dist.replay;

import dev.rekindle.fakes.AliyunSmsFake;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The five figures of issue #15, computed from the database file with SQL, independently of the app's own
 * reports, and from what the loopback provider received:
 * <ol>
 * <li>campaigns not finished (status other than finished or cancelled);</li>
 * <li>customers messaged twice for one occasion (sent ledger rows per customer and occasion, and messages the
 *     provider took per phone and occasion);</li>
 * <li>frequency-cap breaches (marketing ≤ 1 per 7 days and ≤ 4 per 30, care ≤ 2 per 7 and ≤ 6 per 30, counted
 *     from the sent rows' contacted_at, the window including its start as the app's guard does);</li>
 * <li>messages after an opt-out (a sent row contacted after the customer's refusal of sms or of every channel);</li>
 * <li>targets without exactly one ledger row in a final state (sent, failed, skipped, cancelled).</li>
 * </ol>
 * A figure that cannot be computed (a contract item missing from the app) is -1, never 0, and says why in
 * {@link Report#problems()}.
 */
final class ReplayAudit {

    /** The figures, what stopped one from being computed or else looks wrong, and examples behind each figure. */
    record Report(Figures figures, List<String> problems, List<String> details, Map<String, Long> states) {
    }

    static final String FINAL = "('sent', 'failed', 'skipped', 'cancelled')";

    private final ShopDb db;
    private final AliyunSmsFake fake;
    private final List<String> problems = new ArrayList<>();
    private final List<String> details = new ArrayList<>();

    ReplayAudit(ShopDb db, AliyunSmsFake fake) {
        this.db = db;
        this.fake = fake;
    }

    Report run() throws SQLException {
        boolean occasions = db.hasColumn("deliveries", "occasion");
        if (!occasions) problems.add("deliveries has no column 'occasion' (V10): one message per occasion cannot be checked");
        Figures f = new Figures(unfinished(), doubled(occasions), capBreaches(), afterOptOut(), unaccountedTargets());
        otherChecks();
        Map<String, Long> states = new TreeMap<>();
        for (Map<String, Object> r : db.rows("SELECT state, count(*) n FROM deliveries GROUP BY state")) {
            states.put((String) r.get("state"), ((Number) r.get("n")).longValue());
        }
        return new Report(f, List.copyOf(problems), List.copyOf(details), states);
    }

    private long unfinished() throws SQLException {
        List<Map<String, Object>> rows = db.rows("SELECT id, strategy, as_of, status FROM campaigns WHERE status NOT IN ('finished', 'cancelled') ORDER BY id");
        examples("unfinished campaigns", rows);
        for (String s : db.strings("SELECT DISTINCT status FROM campaigns WHERE status NOT IN ('planned', 'sending', 'finished', 'cancelled')")) {
            problems.add("campaign status '" + s + "' is not one of planned, sending, finished, cancelled");
        }
        return rows.size();
    }

    /** Ledger doubles and provider-side doubles, counted once per customer and occasion. */
    private long doubled(boolean occasions) throws SQLException {
        Set<String> doubled = new LinkedHashSet<>();
        if (occasions) {
            List<Map<String, Object>> rows = db.rows("""
                    SELECT customer_id, occasion, count(*) n, group_concat(campaign_id) campaigns FROM deliveries
                    WHERE state = 'sent' AND customer_id IS NOT NULL AND occasion IS NOT NULL
                    GROUP BY customer_id, occasion HAVING count(*) > 1""");
            examples("ledger: customers sent more than one message for an occasion", rows);
            for (Map<String, Object> r : rows) doubled.add(r.get("customer_id") + "|" + r.get("occasion"));
            long noOccasion = db.count("SELECT count(*) FROM deliveries WHERE state = 'sent' AND occasion IS NULL AND campaign_id IN (SELECT id FROM campaigns)");
            if (noOccasion > 0) problems.add(noOccasion + " sent campaign message(s) carry no occasion in the ledger");
        }

        // the provider's side: what each phone received, tied to the ledger by the OutId (the idempotency key)
        Map<String, Map<String, Object>> byKey = new HashMap<>();
        for (Map<String, Object> r : db.rows("SELECT d.idempotency_key k, d.customer_id, d.state, g.strategy, "
                + (occasions ? "d.occasion" : "NULL") + " occasion FROM deliveries d LEFT JOIN campaigns g ON g.id = d.campaign_id")) {
            byKey.put((String) r.get("k"), r);
        }
        Map<String, List<String>> perPhoneOccasion = new HashMap<>();
        long unknownToLedger = 0;
        long notSentInLedger = 0;
        for (AliyunSmsFake.Sms s : fake.messages()) {
            Map<String, Object> row = s.outId() == null ? null : byKey.get(s.outId());
            if (row == null) {
                unknownToLedger++;
                continue;
            }
            if (!"sent".equals(row.get("state"))) notSentInLedger++;
            // without occasions only strategies with one occasion per customer within the replay can be judged
            String occasion = occasions ? (String) row.get("occasion")
                    : ONCE_PER_REPLAY.contains(row.get("strategy")) ? (String) row.get("strategy") : null;
            if (occasion == null) continue;
            perPhoneOccasion.computeIfAbsent(s.phone() + "|" + occasion, k -> new ArrayList<>()).add(row.get("customer_id") + "|" + occasion);
        }
        List<String> fakeDoubles = new ArrayList<>();
        perPhoneOccasion.forEach((phoneOccasion, who) -> {
            if (who.size() > 1) {
                fakeDoubles.add(mask(phoneOccasion) + " ×" + who.size());
                doubled.add(who.get(0));
            }
        });
        if (!fakeDoubles.isEmpty()) details.add("provider: phones that received more than one message for an occasion: " + head(fakeDoubles));
        long duplicateOutIds = fake.countsByOutId().values().stream().filter(n -> n > 1).count();
        if (duplicateOutIds > 0) details.add("provider: " + duplicateOutIds + " OutId(s) received more than once");
        if (unknownToLedger > 0) problems.add(unknownToLedger + " message(s) reached the provider with an OutId the ledger does not know");
        if (notSentInLedger > 0) problems.add(notSentInLedger + " message(s) the provider took are not 'sent' in the ledger");
        long sentNotTaken = 0;
        Set<String> taken = fake.countsByOutId().keySet();
        for (String k : db.strings("SELECT idempotency_key FROM deliveries WHERE state = 'sent' AND channel = 'sms'")) {
            if (!taken.contains(k)) sentNotTaken++;
        }
        if (sentNotTaken > 0) problems.add(sentNotTaken + " sms row(s) are 'sent' in the ledger but the provider never took them");
        return doubled.size();
    }

    /** Strategies whose occasion a customer can have only once within a replay shorter than 80 days. */
    private static final Set<String> ONCE_PER_REPLAY = Set.of("birthday-care", "dormancy-reminder", "post-purchase-thanks");

    private long capBreaches() throws SQLException {
        // a sent row breaches a cap when its window (the row's own time and the days before, start included)
        // holds more sent rows of its purpose than the cap allows
        String within = """
                (SELECT count(*) FROM deliveries x WHERE x.customer_id = r.customer_id AND x.purpose = r.purpose AND x.state = 'sent'
                   AND x.contacted_at BETWEEN datetime(r.contacted_at, '-%d days') AND r.contacted_at)""";
        List<Map<String, Object>> rows = db.rows("""
                SELECT r.customer_id, r.purpose, r.contacted_at, r.campaign_id FROM deliveries r
                WHERE r.state = 'sent' AND r.customer_id IS NOT NULL AND (
                  (r.purpose = 'MARKETING' AND (%s > 1 OR %s > 4)) OR (r.purpose = 'CARE' AND (%s > 2 OR %s > 6)))
                ORDER BY r.customer_id, r.contacted_at""".formatted(within.formatted(7), within.formatted(30),
                within.formatted(7), within.formatted(30)));
        examples("cap breaches", rows);
        long noTime = db.count("SELECT count(*) FROM deliveries WHERE state = 'sent' AND contacted_at IS NULL");
        if (noTime > 0) problems.add(noTime + " sent row(s) have no contacted_at: caps cannot be checked for them");
        return rows.size();
    }

    private long afterOptOut() throws SQLException {
        List<Map<String, Object>> rows = db.rows("""
                SELECT DISTINCT d.id, d.customer_id, d.campaign_id, d.contacted_at, k.channel refused, k.recorded_at FROM deliveries d
                JOIN consents k ON k.customer_id = d.customer_id AND k.granted = 0 AND (k.channel = '*' OR k.channel = d.channel)
                WHERE d.state = 'sent' AND d.contacted_at > k.recorded_at ORDER BY d.id""");
        examples("messages after an opt-out", rows);
        return rows.stream().map(r -> r.get("id")).distinct().count();
    }

    private long unaccountedTargets() throws SQLException {
        List<Map<String, Object>> rows = db.rows("""
                SELECT m.campaign_id, m.customer_id,
                       (SELECT count(*) FROM deliveries d WHERE d.campaign_id = m.campaign_id AND d.customer_id = m.customer_id) rows_,
                       (SELECT group_concat(d.state) FROM deliveries d WHERE d.campaign_id = m.campaign_id AND d.customer_id = m.customer_id) states
                FROM campaign_members m WHERE m.status = 'target'""");
        List<Map<String, Object>> bad = new ArrayList<>();
        Map<String, Long> kinds = new TreeMap<>();
        for (Map<String, Object> r : rows) {
            long n = ((Number) r.get("rows_")).longValue();
            String states = (String) r.get("states");
            boolean ok = n == 1 && FINAL.contains("'" + states + "'");
            if (!ok) {
                bad.add(r);
                kinds.merge(n == 0 ? "no row" : n > 1 ? "more than one row" : "row in state " + states, 1L, Long::sum);
            }
        }
        if (!bad.isEmpty()) details.add("targets without exactly one final row, by kind: " + kinds);
        examples("targets without exactly one final row", bad);
        return bad.size();
    }

    private void otherChecks() throws SQLException {
        long careHoldout = db.count("SELECT count(*) FROM campaigns WHERE purpose = 'CARE' AND holdout_pct <> 0");
        if (careHoldout > 0) problems.add(careHoldout + " care campaign(s) kept a holdout (care holdout should default to 0)");
    }

    private void examples(String what, List<Map<String, Object>> rows) {
        if (!rows.isEmpty()) details.add(what + " (" + rows.size() + "), e.g. " + head(rows));
    }

    private static String head(List<?> list) {
        return list.subList(0, Math.min(5, list.size())).toString();
    }

    private static String mask(String phoneOccasion) {
        return phoneOccasion.length() > 11 ? phoneOccasion.substring(0, 3) + "****" + phoneOccasion.substring(7) : phoneOccasion;
    }
}
