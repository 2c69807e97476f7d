package dev.rekindle.report.campaign;

import dev.rekindle.i18n.Vocabulary;
import dev.rekindle.report.Timestamps;
import dev.rekindle.segment.StageThresholds;
import dev.rekindle.store.CustomerStats;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One pass over a campaign's targets and holdout members with what each bought in the window (purchases
 * only: paid or completed orders) and the segment and stage they had when the campaign was planned.
 * Members are tallied as they stream by, so a campaign of a million customers needs no list in memory.
 * Skipped members were never eligible for the comparison and are left out.
 */
@Component
class MemberOutcomes {

    private static final String WINDOW_ORDERS = """
            LEFT JOIN (SELECT o.customer_id, sum(o.amount) AS revenue, count(*) AS orders
                       FROM orders o JOIN campaign_members mm ON mm.customer_id = o.customer_id AND mm.campaign_id = :campaign
                       WHERE o.status IN %s AND o.created_at >= :from AND o.created_at < :until
                       GROUP BY o.customer_id) w ON w.customer_id = m.customer_id
            """.formatted(CustomerStats.PURCHASE_STATUSES);

    private static final String WITH_SNAPSHOT = """
            SELECT m.status, m.channel, s.segment, s.stage, NULL AS last_purchase, w.revenue, w.orders
            FROM campaign_members m
            LEFT JOIN customer_snapshot s ON s.snapshot_id = :snapshot AND s.customer_id = m.customer_id
            """ + WINDOW_ORDERS + "WHERE m.campaign_id = :campaign AND m.status IN ('target', 'holdout')";

    // No snapshot: the stage comes from the last purchase before the send, with the default thresholds.
    private static final String WITHOUT_SNAPSHOT = """
            SELECT m.status, m.channel, NULL AS segment, NULL AS stage, b.last_purchase, w.revenue, w.orders
            FROM campaign_members m
            LEFT JOIN (SELECT o.customer_id, max(o.created_at) AS last_purchase
                       FROM orders o JOIN campaign_members mm ON mm.customer_id = o.customer_id AND mm.campaign_id = :campaign
                       WHERE o.status IN %s AND o.created_at < :from
                       GROUP BY o.customer_id) b ON b.customer_id = m.customer_id
            """.formatted(CustomerStats.PURCHASE_STATUSES) + WINDOW_ORDERS
            + "WHERE m.campaign_id = :campaign AND m.status IN ('target', 'holdout')";

    private final JdbcClient jdbc;

    MemberOutcomes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Orders in [from, until) count; {@code until <= from} counts none. */
    Tallies read(long campaignId, LocalDateTime from, LocalDateTime until, Optional<Campaigns.Snapshot> snapshot) {
        Tallies t = new Tallies(Comparator.comparingInt(Vocabulary::order).thenComparing(Comparator.naturalOrder()));
        LocalDate sendDate = from.toLocalDate();
        JdbcClient.StatementSpec sql = jdbc.sql(snapshot.isPresent() ? WITH_SNAPSHOT : WITHOUT_SNAPSHOT)
                .param("campaign", campaignId)
                .param("from", Timestamps.format(from))
                .param("until", Timestamps.format(until.isAfter(from) ? until : from));
        if (snapshot.isPresent()) {
            sql = sql.param("snapshot", snapshot.get().id());
        }
        sql.query(rs -> {
            boolean contacted = "target".equals(rs.getString("status"));
            String segment = rs.getString("segment");
            String stage = rs.getString("stage");
            if (snapshot.isEmpty()) {
                LocalDateTime last = Timestamps.parse(rs.getString("last_purchase"));
                stage = StageThresholds.DEFAULT.stageOn(last == null ? null : last.toLocalDate(), sendDate).code();
            }
            String channel = rs.getString("channel");
            double revenue = rs.getDouble("revenue");
            boolean ordered = rs.getLong("orders") > 0;
            t.add(contacted, segment == null ? "unknown" : segment, stage == null ? "unknown" : stage,
                    channel == null || channel.isBlank() ? "(none)" : channel, revenue, ordered);
        });
        return t;
    }
}
