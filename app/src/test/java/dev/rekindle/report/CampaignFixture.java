package dev.rekindle.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Campaigns, members, snapshots and ledger rows built by hand for report tests. The campaign tables belong to
 * issue 5 and the ledger to issue 6: until those are merged the tables are created here (test-only DDL, with
 * the columns reports read); once merged, the real migrations' tables are used and every NOT NULL column they
 * add is filled with a harmless value, so the same tests run before and after the merge.
 */
public final class CampaignFixture {

    private final JdbcTemplate jdbc;

    public CampaignFixture(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public CampaignFixture ensureTables() {
        jdbc.execute("""
                CREATE TABLE IF NOT EXISTS campaigns (
                  id INTEGER PRIMARY KEY, name TEXT NOT NULL, strategy TEXT NOT NULL, purpose TEXT NOT NULL,
                  as_of TEXT NOT NULL, holdout_pct REAL NOT NULL, created_at TEXT NOT NULL,
                  status TEXT NOT NULL DEFAULT 'planned')""");
        jdbc.execute("""
                CREATE TABLE IF NOT EXISTS campaign_members (
                  campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
                  customer_id INTEGER NOT NULL REFERENCES customers(id),
                  status TEXT NOT NULL CHECK (status IN ('target', 'holdout', 'skipped')),
                  channel TEXT, reason TEXT, offer_code TEXT,
                  PRIMARY KEY (campaign_id, customer_id))""");
        return this;
    }

    /** A delivery ledger with the columns reports read (issue 6 owns the real one). */
    public CampaignFixture ensureLedger() {
        jdbc.execute("""
                CREATE TABLE IF NOT EXISTS deliveries (
                  id INTEGER PRIMARY KEY, idempotency_key TEXT NOT NULL UNIQUE, campaign_id INTEGER NOT NULL,
                  customer_id INTEGER, channel TEXT NOT NULL, purpose TEXT NOT NULL, state TEXT NOT NULL,
                  contacted_at TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL)""");
        return this;
    }

    /** A campaign planned (created) at {@code createdAt}; returns its id. */
    public long campaign(String name, String createdAt, double holdoutPct) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", name);
        values.put("strategy", "test-strategy");
        values.put("purpose", "MARKETING");
        values.put("as_of", createdAt.substring(0, 10));
        values.put("holdout_pct", holdoutPct);
        values.put("created_at", createdAt);
        values.put("status", "sent");
        values.put("template", "test");
        values.put("snapshot_id", 0);
        values.put("holdout_seed", 1);
        values.put("settings", "{}");
        List<String> columns = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        for (Map<String, Object> col : jdbc.queryForList("PRAGMA table_info(campaigns)")) {
            String column = (String) col.get("name");
            boolean required = ((Number) col.get("notnull")).intValue() == 1 && col.get("dflt_value") == null
                    && ((Number) col.get("pk")).intValue() == 0;
            if (values.containsKey(column)) {
                columns.add(column);
                args.add(values.get(column));
            } else if (required) {
                columns.add(column);
                String type = String.valueOf(col.get("type")).toUpperCase();
                args.add(type.contains("INT") || type.contains("REAL") ? 0 : "");
            }
        }
        jdbc.update("INSERT INTO campaigns(" + String.join(", ", columns) + ") VALUES ("
                + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")", args.toArray());
        return jdbc.queryForObject("SELECT max(id) FROM campaigns", Long.class);
    }

    public CampaignFixture member(long campaign, long customer, String status, String channel) {
        jdbc.update("INSERT INTO campaign_members(campaign_id, customer_id, status, channel) VALUES (?, ?, ?, ?)",
                campaign, customer, status, channel);
        return this;
    }

    public CampaignFixture order(String orderNo, long customer, String createdAt, double amount, String status) {
        jdbc.update("INSERT INTO orders(order_no, customer_id, created_at, paid_at, amount, status) VALUES (?, ?, ?, ?, ?, ?)",
                orderNo, customer, createdAt, createdAt, amount, status);
        return this;
    }

    public CampaignFixture delivery(long campaign, long customer, String channel, String contactedAt) {
        jdbc.update("""
                INSERT INTO deliveries(idempotency_key, campaign_id, customer_id, channel, purpose, state, contacted_at,
                                       created_at, updated_at) VALUES (?, ?, ?, ?, 'MARKETING', 'sent', ?, ?, ?)""",
                campaign + ":" + customer + ":" + channel, campaign, customer, channel, contactedAt, contactedAt, contactedAt);
        return this;
    }

    /** A snapshot as of {@code asOf} giving each listed customer a stage and segment; returns its id. */
    public long snapshot(String asOf, Map<Long, String[]> stageAndSegment) {
        jdbc.update("INSERT INTO snapshots(as_of, created_at, settings, customers) VALUES (?, ?, '{}', ?)",
                asOf, asOf + " 08:00:00", stageAndSegment.size());
        long id = jdbc.queryForObject("SELECT max(id) FROM snapshots", Long.class);
        stageAndSegment.forEach((customer, s) -> jdbc.update("""
                INSERT INTO customer_snapshot(snapshot_id, customer_id, frequency, monetary, r, f, m, stage, segment)
                VALUES (?, ?, 1, 100, 3, 3, 3, ?, ?)""", id, customer, s[0], s[1]));
        return id;
    }

    /** Removes every campaign (members first) and ledger row, so that each test starts from campaign 1. */
    public CampaignFixture clear() {
        if (jdbc.queryForObject("SELECT count(*) FROM sqlite_master WHERE name = 'deliveries'", Integer.class) > 0) {
            jdbc.update("DELETE FROM deliveries");
        }
        jdbc.update("DELETE FROM campaign_members");
        jdbc.update("DELETE FROM campaigns");
        return this;
    }
}
