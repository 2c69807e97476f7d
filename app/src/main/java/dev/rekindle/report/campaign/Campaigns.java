package dev.rekindle.report.campaign;

import dev.rekindle.i18n.Tr;
import dev.rekindle.report.SchemaProbe;
import dev.rekindle.report.Timestamps;
import dev.rekindle.console.UserException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads campaigns, their members and their sends for reports. The campaign tables and the delivery
 * ledger belong to other features (campaign, delivery): only the columns named here are relied on, and
 * optional ones (campaigns.sent_at, campaigns.snapshot_id, the deliveries table) are looked up first.
 */
@Component
public class Campaigns {

    private final JdbcClient jdbc;
    private final SchemaProbe schema;

    public Campaigns(JdbcClient jdbc, SchemaProbe schema) {
        this.jdbc = jdbc;
        this.schema = schema;
    }

    public CampaignFacts find(long id) {
        if (!schema.hasTable("campaigns") || !schema.hasTable("campaign_members")) {
            throw new UserException(Tr.t("this database has no campaigns yet. Plan one first, e.g. campaigns plan winback-silent --holdout 20"));
        }
        boolean sentAt = schema.hasColumn("campaigns", "sent_at");
        boolean snapshot = schema.hasColumn("campaigns", "snapshot_id");
        String sql = "SELECT id, name, strategy, status, as_of, created_at, "
                + (sentAt ? "sent_at" : "NULL") + " AS sent_at, " + (snapshot ? "snapshot_id" : "NULL")
                + " AS snapshot_id FROM campaigns WHERE id = ?";
        return jdbc.sql(sql).param(id).query((rs, n) -> new CampaignFacts(rs.getLong("id"), rs.getString("name"),
                        rs.getString("strategy"), rs.getString("status"), date(rs.getString("as_of")),
                        Timestamps.parse(rs.getString("created_at")), Timestamps.parse(rs.getString("sent_at")),
                        rs.getObject("snapshot_id") == null ? null : rs.getLong("snapshot_id")))
                .optional()
                .orElseThrow(() -> new UserException(Tr.f("no campaign %d. See the campaigns with: campaigns list", id)));
    }

    /** Ids of every campaign of {@code strategy}, oldest first; empty when there is none. */
    public java.util.List<Long> ofStrategy(String strategy) {
        if (!schema.hasTable("campaigns") || !schema.hasTable("campaign_members")) {
            return java.util.List.of();
        }
        return jdbc.sql("SELECT id FROM campaigns WHERE strategy = ? ORDER BY created_at, id").param(strategy)
                .query(Long.class).list();
    }

    /** The ledger's first contact, else sent_at, else the planning time. */
    public SendTime sendTime(CampaignFacts c) {
        if (schema.hasTable("deliveries") && schema.hasColumn("deliveries", "contacted_at")) {
            String first = jdbc.sql("SELECT min(contacted_at) FROM deliveries WHERE campaign_id = ? AND contacted_at IS NOT NULL")
                    .param(c.id()).query(String.class).optional().orElse(null);
            if (first != null) {
                return new SendTime(Timestamps.parse(first), SendTime.Source.LEDGER);
            }
        }
        if (c.sentAtColumn() != null) {
            return new SendTime(c.sentAtColumn(), SendTime.Source.SENT_AT);
        }
        return new SendTime(c.plannedAt(), SendTime.Source.PLANNED);
    }

    /**
     * Messages handed to each channel (sent, or sent with an unknown outcome: both may be charged), from the
     * ledger; empty when there is no ledger or it has no row for this campaign.
     */
    public Optional<Map<String, Long>> messagesByChannel(long campaignId) {
        if (!schema.hasTable("deliveries") || !schema.hasColumn("deliveries", "contacted_at")) {
            return Optional.empty();
        }
        Map<String, Long> byChannel = new LinkedHashMap<>();
        jdbc.sql("SELECT channel, count(*) AS n FROM deliveries WHERE campaign_id = ? AND contacted_at IS NOT NULL GROUP BY channel ORDER BY channel")
                .param(campaignId).query(rs -> {
                    byChannel.put(rs.getString("channel"), rs.getLong("n"));
                });
        return byChannel.isEmpty() ? Optional.empty() : Optional.of(byChannel);
    }

    public long skipped(long campaignId) {
        return jdbc.sql("SELECT count(*) FROM campaign_members WHERE campaign_id = ? AND status = 'skipped'")
                .param(campaignId).query(Long.class).single();
    }

    /**
     * The segmentation snapshot to break the result down by: the one the campaign was planned on, and only that one
     * (empty once it is no longer kept); for a campaign that names none, the newest one not later than its as-of
     * date; empty when there is none.
     */
    public Optional<Snapshot> snapshotFor(CampaignFacts c) {
        if (!schema.hasTable("snapshots") || !schema.hasTable("customer_snapshot")) {
            return Optional.empty();
        }
        if (c.snapshotId() != null) {
            // pinned: never another snapshot, a later one would put customers in segments they reached after the send
            return jdbc.sql("SELECT id, as_of FROM snapshots WHERE id = ?").param(c.snapshotId())
                    .query((rs, n) -> new Snapshot(rs.getLong("id"), rs.getString("as_of"), true)).optional();
        }
        String asOf = c.asOf() != null ? c.asOf().toString() : c.plannedAt().toLocalDate().toString();
        return jdbc.sql("SELECT id, as_of FROM snapshots WHERE as_of <= ? ORDER BY as_of DESC, id DESC LIMIT 1").param(asOf)
                .query((rs, n) -> new Snapshot(rs.getLong("id"), rs.getString("as_of"), false)).optional();
    }

    /** A segmentation snapshot; {@code planned} when the campaign names it as the one it was planned on. */
    public record Snapshot(long id, String asOf, boolean planned) {
    }

    private static LocalDate date(String text) {
        return text == null || text.isBlank() ? null : LocalDate.parse(text.trim().substring(0, 10));
    }
}
