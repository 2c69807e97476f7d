package dev.rekindle.campaign;

import dev.rekindle.api.Offer;
import dev.rekindle.api.Purpose;
import dev.rekindle.strategy.PackedRows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Campaign rows, their offers and members. */
@Repository
public class CampaignRepository {

    /** One member as planned. */
    public record Member(long customerId, String status, String channel, String reason, String offerCode, String facts,
            String occasion) {

        public Member(long customerId, String status, String channel, String reason, String offerCode, String facts) {
            this(customerId, status, channel, reason, offerCode, facts, null);
        }
    }

    private static final String SELECT = """
            SELECT id, name, strategy, purpose, template, snapshot_id, as_of, segment, channel, holdout_pct, holdout_seed,
                   settings, facts, status, candidates, targets, holdout, skipped, created_at, dry_run_at, dry_run_file
            FROM campaigns""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public CampaignRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public long insert(Campaign c) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO campaigns(name, strategy, purpose, template, snapshot_id, as_of, segment, channel, holdout_pct,
                                      holdout_seed, settings, facts, status, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(c.name(), c.strategy(), c.purpose().name(), c.template(), c.snapshotId(), c.asOf().toString(),
                        c.segment(), c.channel(), c.holdoutPct(), c.holdoutSeed(), c.settings(), c.facts(), c.status(),
                        c.createdAt())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /**
     * The customer id of the target {@code skip} places after customer id {@code after} (0 = the next one),
     * found by walking the members index without reading rows; empty past the last target.
     */
    public java.util.Optional<Long> targetAfter(long campaignId, long after, int skip) {
        return jdbc.sql("SELECT customer_id FROM campaign_members WHERE campaign_id = ? AND status = 'target' AND customer_id > ?"
                + " ORDER BY customer_id LIMIT 1 OFFSET ?").params(campaignId, after, skip).query(Long.class).optional();
    }

    /**
     * Stores members; a target also gets its planned row (see V8): the customer and snapshot data packed as
     * {@link CampaignTargets} reads them back, with the member's columns in {@code MEMBER_COLUMNS} order.
     */
    public void insertMembers(long campaignId, long snapshotId, List<Member> members) {
        template.batchUpdate("""
                INSERT INTO campaign_members(campaign_id, customer_id, status, channel, reason, offer_code, facts, occasion, planned_row)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?9, CASE WHEN ?3 = 'target' THEN (SELECT %s FROM customers c
                  LEFT JOIN customer_snapshot s ON s.customer_id = c.id AND s.snapshot_id = ?8 WHERE c.id = ?2) END)"""
                .formatted(PackedRows.packedRow("?2, ?4, ?6, ?7, c.erased_at IS NOT NULL")), members, 1000, (ps, m) -> {
            ps.setLong(1, campaignId);
            ps.setLong(2, m.customerId());
            ps.setString(3, m.status());
            ps.setString(4, m.channel());
            ps.setString(5, m.reason());
            ps.setString(6, m.offerCode());
            ps.setString(7, m.facts());
            ps.setLong(8, snapshotId);
            ps.setString(9, m.occasion());
        });
    }

    public void insertOffers(long campaignId, Map<String, Offer> offers) {
        for (Offer o : offers.values()) {
            jdbc.sql("INSERT INTO campaign_offers(campaign_id, code, title, detail) VALUES (?, ?, ?, ?)")
                    .params(campaignId, o.code(), o.title(), o.detail()).update();
        }
    }

    public void finishPlan(long id, long candidates, long targets, long holdout, long skipped) {
        jdbc.sql("UPDATE campaigns SET status = 'planned', candidates = ?, targets = ?, holdout = ?, skipped = ? WHERE id = ?")
                .params(candidates, targets, holdout, skipped, id).update();
    }

    /** A run starts: planned → sending (a finished or cancelled campaign keeps its status). */
    public void markSending(long id) {
        jdbc.sql("UPDATE campaigns SET status = 'sending' WHERE id = ? AND status IN ('planned', 'sending')").param(id).update();
    }

    /** Campaigns a run started that are neither finished nor cancelled, oldest first: what a daily script resumes. */
    public List<Campaign> unfinished() {
        return jdbc.sql(SELECT + " WHERE status = 'sending' ORDER BY id").query((rs, n) -> campaign(rs)).list();
    }

    /** See {@link CampaignStatus}. */
    public void setStatus(long id, String status) {
        jdbc.sql("UPDATE campaigns SET status = ? WHERE id = ?").params(status, id).update();
    }

    public void recordDryRun(long id, String at, String file) {
        jdbc.sql("UPDATE campaigns SET dry_run_at = ?, dry_run_file = ? WHERE id = ?").params(at, file, id).update();
    }

    public Optional<Campaign> find(long id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query((rs, n) -> campaign(rs)).optional();
    }

    /**
     * The newest campaign of a strategy planned on the given day (shop time) on a snapshot of the given
     * as-of date with the same restriction, channel and holdout: the plan a daily script already made.
     */
    public Optional<Campaign> samePlan(String strategy, String segment, String channel, double holdoutPct,
            java.time.LocalDate asOf, java.time.LocalDate plannedOn) {
        return jdbc.sql(SELECT + " " + """
                 WHERE strategy = ? AND coalesce(segment, '') = ? AND coalesce(channel, '') = ? AND holdout_pct = ?
                   AND as_of = ? AND substr(created_at, 1, 10) = ? AND status NOT IN ('planning', 'cancelled')
                 ORDER BY id DESC LIMIT 1""")
                .params(strategy, segment == null ? "" : segment, channel == null ? "" : channel, holdoutPct,
                        asOf.toString(), plannedOn.toString())
                .query((rs, n) -> campaign(rs)).optional();
    }

    /** The newest campaign of a strategy planned on the given day (shop time); a cancelled one only when no other. */
    public Optional<Campaign> latestOf(String strategy, java.time.LocalDate plannedOn) {
        return jdbc.sql(SELECT + " WHERE strategy = ? AND substr(created_at, 1, 10) = ? AND status <> 'planning'"
                        + " ORDER BY status = 'cancelled', id DESC LIMIT 1")
                .params(strategy, plannedOn.toString()).query((rs, n) -> campaign(rs)).optional();
    }

    public List<Campaign> list(int limit) {
        return jdbc.sql(SELECT + " ORDER BY id DESC LIMIT ?").param(limit).query((rs, n) -> campaign(rs)).list();
    }

    public Map<String, Offer> offers(long campaignId) {
        Map<String, Offer> m = new LinkedHashMap<>();
        jdbc.sql("SELECT code, title, detail FROM campaign_offers WHERE campaign_id = ? ORDER BY code").param(campaignId)
                .query((rs, n) -> new Offer(rs.getString(1), rs.getString(2), rs.getString(3))).list()
                .forEach(o -> m.put(o.code(), o));
        return m;
    }

    /** The occasion of each target with customer id in (after, last], for the ledger. */
    public Map<Long, String> occasions(long campaignId, long after, long last) {
        Map<Long, String> m = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT customer_id, occasion FROM campaign_members
                WHERE campaign_id = ? AND status = 'target' AND customer_id > ? AND customer_id <= ? AND occasion IS NOT NULL""")
                .params(campaignId, after, last).query((rs, n) -> m.put(rs.getLong(1), rs.getString(2))).list();
        return m;
    }

    /** Targeted (and held-out) members of a chunk, in customer order after {@code after}. */
    public List<Member> members(long campaignId, String status, long after, int limit) {
        return jdbc.sql("""
                SELECT customer_id, status, channel, reason, offer_code, facts FROM campaign_members
                WHERE campaign_id = ? AND status = ? AND customer_id > ? ORDER BY customer_id LIMIT ?""")
                .params(campaignId, status, after, limit)
                .query((rs, n) -> new Member(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6))).list();
    }

    /** Member counts by one column (status, channel, reason, offer_code) within a status, largest first. */
    public Map<String, Long> countBy(long campaignId, String column, String status) {
        if (!List.of("channel", "reason", "offer_code").contains(column)) {
            throw new IllegalArgumentException(column);
        }
        Map<String, Long> m = new LinkedHashMap<>();
        jdbc.sql("SELECT coalesce(" + column + ", ''), count(*) FROM campaign_members WHERE campaign_id = ? AND status = ?"
                + " GROUP BY 1 ORDER BY 2 DESC, 1").params(campaignId, status)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
                .forEach(e -> m.put(e.getKey(), e.getValue()));
        return m;
    }

    private static Campaign campaign(ResultSet rs) throws SQLException {
        return new Campaign(rs.getLong(1), rs.getString(2), rs.getString(3), Purpose.valueOf(rs.getString(4)),
                rs.getString(5), rs.getLong(6), LocalDate.parse(rs.getString(7)), rs.getString(8), rs.getString(9),
                rs.getDouble(10), rs.getLong(11), rs.getString(12), rs.getString(13), rs.getString(14), rs.getLong(15),
                rs.getLong(16), rs.getLong(17), rs.getLong(18), rs.getString(19), rs.getString(20), rs.getString(21));
    }
}
