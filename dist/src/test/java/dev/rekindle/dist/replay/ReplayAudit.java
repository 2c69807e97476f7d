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
    private final List<AliyunSmsFake.Sms> received;
    private final Map<String, Long> receivedByOutId = new HashMap<>();
    private final boolean onceStrategiesHold;
    private final List<String> problems = new ArrayList<>();
    private final List<String> details = new ArrayList<>();

    /** @param days how long the replay was: under 80 days, some strategies can only be once per customer */
    ReplayAudit(ShopDb db, List<AliyunSmsFake.Sms> received, int days) {
        this.db = db;
        this.received = received;
        for (AliyunSmsFake.Sms s : received) if (s.outId() != null) receivedByOutId.merge(s.outId(), 1L, Long::sum);
        this.onceStrategiesHold = days < 80;
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

    /**
     * Ledger doubles and provider-side doubles, counted once per customer and occasion. Besides the app's own
     * occasion keys, strategies that can give a customer only one occasion within the replay are judged per
     * strategy: a wrongly keyed occasion (say, a dormancy reminder keyed by the day of the plan) cannot hide a
     * second message there.
     */
    private long doubled(boolean occasions) throws SQLException {
        List<Map<String, Object>> rows = db.rows("SELECT d.idempotency_key k, d.customer_id, d.state, g.strategy, "
                + (occasions ? "d.occasion" : "NULL") + " occasion FROM deliveries d LEFT JOIN campaigns g ON g.id = d.campaign_id"
                + " WHERE d.customer_id IS NOT NULL");
        Map<String, Map<String, Object>> byKey = new HashMap<>();
        Map<String, List<Object>> ledger = new HashMap<>();
        long noOccasion = 0;
        for (Map<String, Object> r : rows) {
            byKey.put((String) r.get("k"), r);
            if (!"sent".equals(r.get("state"))) continue;
            if (occasions && r.get("occasion") == null) noOccasion++;
            String occasion = occasionOf(r);
            if (occasion != null) ledger.computeIfAbsent(r.get("customer_id") + "|" + occasion, x -> new ArrayList<>()).add(r.get("k"));
        }
        if (noOccasion > 0) problems.add(noOccasion + " sent campaign message(s) carry no occasion in the ledger");
        Set<String> doubled = new LinkedHashSet<>();
        List<String> ledgerDoubles = new ArrayList<>();
        ledger.forEach((who, keys) -> {
            if (keys.size() > 1) {
                doubled.add(who);
                ledgerDoubles.add(who + " " + keys);
            }
        });
        if (!ledgerDoubles.isEmpty()) details.add("ledger: customers sent more than one message for an occasion (" + ledgerDoubles.size() + "): " + head(ledgerDoubles));

        // the provider's side: what each phone received, tied to the ledger by the OutId (the idempotency key)
        Map<String, List<String>> perPhone = new HashMap<>();
        long unknownToLedger = 0;
        long notSentInLedger = 0;
        for (AliyunSmsFake.Sms s : received) {
            Map<String, Object> row = s.outId() == null ? null : byKey.get(s.outId());
            if (row == null) {
                unknownToLedger++;
                continue;
            }
            if (!"sent".equals(row.get("state"))) notSentInLedger++;
            String occasion = occasionOf(row);
            if (occasion != null) perPhone.computeIfAbsent(s.phone() + "|" + occasion, x -> new ArrayList<>()).add(row.get("customer_id") + "|" + occasion);
        }
        List<String> fakeDoubles = new ArrayList<>();
        perPhone.forEach((phoneOccasion, who) -> {
            if (who.size() > 1) {
                fakeDoubles.add(mask(phoneOccasion) + " ×" + who.size());
                doubled.add(who.get(0));
            }
        });
        if (!fakeDoubles.isEmpty()) details.add("provider: phones that received more than one message for an occasion (" + fakeDoubles.size() + "): " + head(fakeDoubles));
        long duplicateOutIds = receivedByOutId.values().stream().filter(n -> n > 1).count();
        if (duplicateOutIds > 0) details.add("provider: " + duplicateOutIds + " OutId(s) received more than once");
        if (unknownToLedger > 0) problems.add(unknownToLedger + " message(s) reached the provider with an OutId the ledger does not know");
        if (notSentInLedger > 0) problems.add(notSentInLedger + " message(s) the provider took are not 'sent' in the ledger");
        long sentNotTaken = 0;
        Set<String> taken = receivedByOutId.keySet();
        for (String k : db.strings("SELECT idempotency_key FROM deliveries WHERE state = 'sent' AND channel = 'sms'")) {
            if (!taken.contains(k)) sentNotTaken++;
        }
        if (sentNotTaken > 0) problems.add(sentNotTaken + " sms row(s) are 'sent' in the ledger but the provider never took them");
        if (!occasions) {
            // only the once-per-replay strategies could be judged: a partial count is not a zero
            if (!doubled.isEmpty()) details.add("doubles among the strategies judged without occasions: " + doubled.size());
            return -1;
        }
        return doubled.size();
    }

    /**
     * Strategies that can give a customer one occasion only within a replay shorter than 80 days: a birthday
     * (once a year), a first purchase, a last purchase exactly 80 days back (a newer one is a replay order, 80 days
     * from any replay day).
     */
    private static final Set<String> ONCE_PER_REPLAY = Set.of("birthday-care", "dormancy-reminder", "post-purchase-thanks");

    /** What a message is judged by: its strategy where that can only be once, else the app's occasion (or none). */
    private String occasionOf(Map<String, Object> row) {
        Object strategy = row.get("strategy");
        if (onceStrategiesHold && ONCE_PER_REPLAY.contains(strategy)) return "strategy " + strategy;
        return (String) row.get("occasion");
    }

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
