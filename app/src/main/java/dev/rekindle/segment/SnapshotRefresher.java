package dev.rekindle.segment;

import dev.rekindle.api.RfmSegment;
import dev.rekindle.api.Stage;
import dev.rekindle.i18n.Tr;
import dev.rekindle.console.Progress;
import dev.rekindle.shop.ShopProfile;
import dev.rekindle.store.CustomerStats;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes a snapshot: reads one row of facts per customer, computes scores, stages and segments in memory,
 * and writes the rows, the summary cells and the snapshot record in one transaction (all or nothing).
 *
 * <p>The facts come from {@code customer_stats} (kept current at import) when the as-of date is on or
 * after the newest purchase and the window is all history: no order is read. Otherwise (an as-of date in
 * the past, or a window of months) one grouped scan of the orders up to the as-of date replaces it.
 */
@Service
public class SnapshotRefresher {

    private static final Logger log = LoggerFactory.getLogger(SnapshotRefresher.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final int BATCH = 5_000;
    // frequency counts purchase days instead of orders (rekindle.purchase-occasion=day); customer_stats counts orders
    private final boolean byDay;

    /** Where the facts came from. */
    public enum Source {
        CUSTOMER_STATS, ORDERS;

        /** For the operator, in the interface language. */
        public String description() {
            return switch (this) {
                case CUSTOMER_STATS -> Tr.t("the per-customer aggregates kept at import (no order scanned)");
                case ORDERS -> Tr.t("a scan of the orders up to the as-of date");
            };
        }
    }

    /** What a refresh did, for the operator. */
    public record Outcome(Snapshot snapshot, Source source, int scored, Map<Stage, Long> stages,
            Map<RfmSegment, Long> segments, List<Long> deleted, List<Long> keptReferenced) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ShopProfile shop;
    private final SegmentConfig config;

    public SnapshotRefresher(JdbcTemplate jdbc, PlatformTransactionManager transactions, ShopProfile shop,
            SegmentConfig config,
            dev.rekindle.metrics.MetricsProperties metrics) {
        this.byDay = metrics.purchaseOccasion() == dev.rekindle.metrics.PurchaseOccasion.DAY;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.shop = shop;
        this.config = config;
    }

    /** @param progress advanced twice per customer: once read, once written */
    public Outcome refresh(LocalDate asOf, SegmentSettings settings, Progress progress) {
        Stopwatch clock = new Stopwatch();
        Outcome outcome = tx.execute(status -> {
            Source source = chooseSource(asOf, settings);
            clock.lap("source");
            String table = source == Source.CUSTOMER_STATS ? "customer_stats" : aggregateOrders(asOf, settings);
            CustomerFacts facts = read(table, progress);
            clock.lap("read");
            ScoredCustomers scored = SnapshotCalculator.compute(facts, settings, asOf);
            clock.lap("score");
            List<Long> kept = new ArrayList<>();
            List<Long> deleted = pruneBeforeWriting(status, kept);
            clock.lap("prune");
            long id = insertSnapshot(asOf, settings, source, scored, facts.size());
            writeRows(id, table, facts, scored, progress);
            writeCells(id, scored);
            if (source == Source.ORDERS) {
                jdbc.execute("DROP TABLE snapshot_source");
            }
            clock.lap("write");
            log.info("snapshot #{} as of {} from {}: {} customers, {} scored", id, asOf, source, facts.size(), scored.scored);
            Snapshot snapshot = jdbc.queryForObject("SELECT id, as_of, created_at, settings, customers FROM snapshots WHERE id = ?",
                    (rs, n) -> new Snapshot(rs.getLong(1), LocalDate.parse(rs.getString(2)), rs.getString(3),
                            rs.getString(4), rs.getLong(5)), id);
            return new Outcome(snapshot, source, scored.scored, stageCounts(scored), segmentCounts(scored), deleted, kept);
        });
        clock.lap("commit");
        log.info("refresh timings: {}", clock);
        return outcome;
    }

    /** Milliseconds per phase, for the log. */
    private static final class Stopwatch {
        private final StringBuilder laps = new StringBuilder();
        private long last = System.nanoTime();

        void lap(String phase) {
            long now = System.nanoTime();
            laps.append(phase).append('=').append((now - last) / 1_000_000).append("ms ");
            last = now;
        }

        @Override
        public String toString() {
            return laps.toString().trim();
        }
    }

    /** The newest purchase decides whether customer_stats already describes the customers at the as-of date. */
    Source chooseSource(LocalDate asOf, SegmentSettings settings) {
        if (!settings.allHistory() || byDay) {
            return Source.ORDERS;
        }
        String newest = jdbc.queryForObject("SELECT max(last_order_at) FROM customer_stats", String.class);
        return newest == null || newest.compareTo(nextDay(asOf)) < 0 ? Source.CUSTOMER_STATS : Source.ORDERS;
    }

    private CustomerFacts read(String source, Progress progress) {
        Long maxId = jdbc.queryForObject("SELECT max(id) FROM customers", Long.class);
        CustomerFacts facts = new CustomerFacts((int) Math.min(maxId == null ? 0 : maxId, 20_000_000));
        // the source name is one of two constants, never operator text
        jdbc.query("SELECT c.id, s.last_order_at, s.order_count, s.revenue, s.main_category "
                + "FROM customers c LEFT JOIN " + source + " s ON s.customer_id = c.id ORDER BY c.id", rs -> {
                    facts.add(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getDouble(4), rs.getString(5));
                    if (facts.size() % BATCH == 0) {
                        progress.advance(BATCH);
                    }
                });
        progress.advance(facts.size() % BATCH);
        return facts;
    }

    /**
     * Aggregates the purchases up to the as-of date into a temporary table shaped like customer_stats
     * (dropped once the snapshot is written): frequency and monetary in the window, first and last purchase
     * and main category over the whole history up to the as-of date.
     */
    private String aggregateOrders(LocalDate asOf, SegmentSettings settings) {
        String end = nextDay(asOf);
        String windowStart = settings.allHistory() ? "" : asOf.plusDays(1).minusMonths(settings.windowMonths()).toString();
        jdbc.execute("DROP TABLE IF EXISTS snapshot_source");
        jdbc.execute("""
                CREATE TEMP TABLE snapshot_source (customer_id INTEGER PRIMARY KEY, first_order_at TEXT,
                  last_order_at TEXT, order_count INTEGER, revenue REAL, main_category TEXT)""");
        jdbc.update("""
                INSERT INTO snapshot_source(customer_id, first_order_at, last_order_at, order_count, revenue)
                SELECT customer_id, min(created_at), max(created_at),
                       %s,
                       round(sum(CASE WHEN created_at >= ? THEN amount ELSE 0 END), 2)
                FROM orders WHERE status IN %s AND created_at < ?
                GROUP BY customer_id""".formatted(byDay ? "count(DISTINCT CASE WHEN created_at >= ? THEN substr(created_at, 1, 10) END)"
                        : "sum(CASE WHEN created_at >= ? THEN 1 ELSE 0 END)", CustomerStats.PURCHASE_STATUSES),
                windowStart, windowStart, end);
        jdbc.update("""
                UPDATE snapshot_source SET main_category = ranked.category
                FROM (SELECT customer_id, category,
                             row_number() OVER (PARTITION BY customer_id
                                                ORDER BY count(*) DESC, sum(amount) DESC, max(created_at) DESC, category) AS rn
                      FROM orders WHERE status IN %s AND category IS NOT NULL AND created_at < ?
                      GROUP BY customer_id, category) ranked
                WHERE ranked.rn = 1 AND ranked.customer_id = snapshot_source.customer_id"""
                .formatted(CustomerStats.PURCHASE_STATUSES), end);
        return "snapshot_source";
    }

    /**
     * Deletes the oldest snapshots so that, with the new one, {@code keep-snapshots} remain. Done before
     * writing so the freed pages are reused (the file does not grow by one snapshot each day) and inside the
     * same transaction (a failed refresh loses nothing). A snapshot another table still refers to is kept, and
     * so is one a campaign that is neither finished nor cancelled was planned on: it is part of that plan
     * (its previews, resumes and report read it), pinned until the campaign is over.
     */
    private List<Long> pruneBeforeWriting(TransactionStatus status, List<Long> keptReferenced) {
        List<Long> ids = jdbc.queryForList("SELECT id FROM snapshots ORDER BY id DESC", Long.class);
        List<Long> pinned = jdbc.queryForList(
                "SELECT DISTINCT snapshot_id FROM campaigns WHERE status NOT IN ('finished', 'cancelled')", Long.class);
        ids = new ArrayList<>(ids);
        ids.removeAll(pinned); // pinned ones neither count towards keep-snapshots nor go
        List<Long> deleted = new ArrayList<>();
        for (Long old : ids.subList(Math.min(ids.size(), config.keepSnapshots() - 1), ids.size())) {
            Object savepoint = status.createSavepoint();
            try {
                jdbc.update("DELETE FROM customer_snapshot WHERE snapshot_id = ?", old);
                jdbc.update("DELETE FROM snapshot_cells WHERE snapshot_id = ?", old);
                jdbc.update("DELETE FROM snapshots WHERE id = ?", old);
                status.releaseSavepoint(savepoint);
                deleted.add(old);
            } catch (DataAccessException e) {
                status.rollbackToSavepoint(savepoint);
                log.warn("kept snapshot #{}: another table still refers to it ({})", old, e.getMessage());
                keptReferenced.add(old);
            }
        }
        return deleted;
    }

    private long insertSnapshot(LocalDate asOf, SegmentSettings settings, Source source, ScoredCustomers scored, int customers) {
        Map<String, Object> recorded = new LinkedHashMap<>();
        recorded.put("source", source.name().toLowerCase());
        recorded.putAll(scored.explanation);
        jdbc.update("INSERT INTO snapshots(as_of, created_at, settings, customers) VALUES (?, ?, ?, ?)",
                asOf.toString(), TS.format(shop.now()), JSON.writeValueAsString(recorded), customers);
        // inside this write transaction nobody else can add a snapshot: the highest id is ours
        return jdbc.queryForObject("SELECT max(id) FROM snapshots", Long.class);
    }

    /**
     * Writes the computed columns (scores, stage, segment as small numbers) into a temporary table through
     * JDBC, then lets SQLite copy them with the facts from the source into customer_snapshot in one
     * INSERT … SELECT: the million order times and categories never travel through Java.
     */
    private void writeRows(long id, String source, CustomerFacts facts, ScoredCustomers s, Progress progress) {
        jdbc.execute("DROP TABLE IF EXISTS snapshot_scores");
        jdbc.execute("""
                CREATE TEMP TABLE snapshot_scores (customer_id INTEGER PRIMARY KEY, recency_days INTEGER,
                  r INTEGER, f INTEGER, m INTEGER, stage INTEGER NOT NULL, segment INTEGER)""");
        jdbc.execute((Connection con) -> {
            try (PreparedStatement ps = con.prepareStatement("INSERT INTO snapshot_scores VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                int pending = 0;
                for (int i = 0; i < facts.size(); i++) {
                    ps.setLong(1, facts.customerId(i));
                    setInt(ps, 2, s.recency[i], -1);
                    setInt(ps, 3, s.r[i], 0);
                    setInt(ps, 4, s.f[i], 0);
                    setInt(ps, 5, s.m[i], 0);
                    ps.setInt(6, s.stage[i]);
                    setInt(ps, 7, s.segment[i], -1);
                    ps.addBatch();
                    if (++pending == BATCH) {
                        ps.executeBatch();
                        progress.advance(pending);
                        pending = 0;
                    }
                }
                ps.executeBatch();
                progress.advance(pending);
            }
            return null;
        });
        // the CASE lists come from the enums and the source is one of two constants: no operator text here
        jdbc.update("""
                INSERT INTO customer_snapshot(snapshot_id, customer_id, recency_days, frequency, monetary, r, f, m,
                                              stage, segment, main_category, first_order_at, last_order_at)
                SELECT ?, t.customer_id, t.recency_days, coalesce(s.order_count, 0), coalesce(s.revenue, 0), t.r, t.f, t.m,
                       %s, %s, s.main_category, s.first_order_at, s.last_order_at
                FROM snapshot_scores t LEFT JOIN %s s ON s.customer_id = t.customer_id
                ORDER BY t.customer_id""".formatted(decode("t.stage", Stage.values()),
                decode("t.segment", RfmSegment.values()), source), id);
        jdbc.execute("DROP TABLE snapshot_scores");
    }

    /** {@code CASE t.stage WHEN 0 THEN 'active' WHEN 1 THEN 'silent' … END} from an enum's ordinals and codes. */
    private static String decode(String column, Enum<?>[] values) {
        StringBuilder sb = new StringBuilder("CASE ").append(column);
        for (Enum<?> v : values) {
            String code = v instanceof Stage st ? st.code() : ((RfmSegment) v).code();
            sb.append(" WHEN ").append(v.ordinal()).append(" THEN '").append(code).append('\'');
        }
        return sb.append(" END").toString();
    }

    private static void setInt(PreparedStatement ps, int index, int value, int nullValue) throws SQLException {
        if (value == nullValue) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }

    private void writeCells(long id, ScoredCustomers s) {
        List<Object[]> rows = new ArrayList<>();
        Stage[] stages = Stage.values();
        RfmSegment[] segments = RfmSegment.values();
        for (int st = 0; st < ScoredCustomers.STAGES; st++) {
            for (int seg = 0; seg < ScoredCustomers.SEGMENTS; seg++) {
                for (int r = 0; r < 6; r++) {
                    for (int f = 0; f < 6; f++) {
                        int c = ScoredCustomers.cell(st, seg == ScoredCustomers.SEGMENTS - 1 ? -1 : seg, r, f);
                        if (s.cellCustomers[c] == 0) {
                            continue;
                        }
                        rows.add(new Object[]{id, stages[st].code(), seg < segments.length ? segments[seg].code() : null,
                                r == 0 ? null : r, f == 0 ? null : f, s.cellCustomers[c],
                                Math.round(s.cellMonetary[c] * 100) / 100.0, s.cellFrequency[c], s.cellRecency[c]});
                    }
                }
            }
        }
        jdbc.batchUpdate("""
                INSERT INTO snapshot_cells(snapshot_id, stage, segment, r, f, customers, monetary_sum, frequency_sum, recency_sum)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    private static Map<Stage, Long> stageCounts(ScoredCustomers s) {
        Map<Stage, Long> counts = new EnumMap<>(Stage.class);
        for (Stage st : Stage.values()) {
            counts.put(st, 0L);
        }
        for (byte st : s.stage) {
            counts.merge(Stage.values()[st], 1L, Long::sum);
        }
        return counts;
    }

    private static Map<RfmSegment, Long> segmentCounts(ScoredCustomers s) {
        Map<RfmSegment, Long> counts = new EnumMap<>(RfmSegment.class);
        for (RfmSegment seg : RfmSegment.values()) {
            counts.put(seg, 0L);
        }
        for (byte seg : s.segment) {
            if (seg >= 0) {
                counts.merge(RfmSegment.values()[seg], 1L, Long::sum);
            }
        }
        return counts;
    }

    /** Purchases on the as-of date count; {@code created_at < next day} keeps exactly those. */
    static String nextDay(LocalDate asOf) {
        return asOf.plusDays(1).toString();
    }
}
