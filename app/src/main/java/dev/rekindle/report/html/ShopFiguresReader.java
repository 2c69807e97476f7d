package dev.rekindle.report.html;

import dev.rekindle.api.Stage;
import dev.rekindle.i18n.Tr;
import dev.rekindle.report.SchemaProbe;
import dev.rekindle.report.Timestamps;
import dev.rekindle.segment.StageThresholds;
import dev.rekindle.store.CustomerStats;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the figures for the HTML report. Lifecycle and RFM come from the current segmentation snapshot
 * (the highest id) when there is one; otherwise from customer_stats with the default stage thresholds and
 * tie-safe quintiles, and the page says so. Inflow comes from customer_stats' last order; metrics by month
 * from the orders. Only portable SQL (substr, CASE, bound dates); day arithmetic happens in Java.
 */
@Component
public class ShopFiguresReader {

    static final int INFLOW_WEEKS = 26;
    static final int MONTHS = 12;

    private final JdbcClient jdbc;
    private final SchemaProbe schema;

    public ShopFiguresReader(JdbcClient jdbc, SchemaProbe schema) {
        this.jdbc = jdbc;
        this.schema = schema;
    }

    /** @param asOf the date to report on; null = the current snapshot's as-of date, else {@code today} */
    @Transactional(readOnly = true)
    public ShopFigures read(LocalDate asOf, LocalDate today) {
        Optional<long[]> snapshot = currentSnapshot();
        boolean useSnapshot = snapshot.isPresent() && (asOf == null || LocalDate.ofEpochDay(snapshot.get()[1]).equals(asOf));
        LocalDate date = asOf != null ? asOf : snapshot.map(s -> LocalDate.ofEpochDay(s[1])).orElse(today);
        ShopFigures.Lifecycle lifecycle;
        ShopFigures.Rfm rfm;
        if (useSnapshot) {
            long id = snapshot.get()[0];
            lifecycle = new ShopFigures.Lifecycle(Tr.f("segmentation snapshot #%d (as of %s)", id, date), snapshotStages(id));
            rfm = new ShopFigures.Rfm(Tr.f("segmentation snapshot #%d (as of %s), its R and F scores", id, date), snapshotRfm(id));
        } else {
            String why = snapshot.isPresent() ? Tr.f("the current snapshot is not as of %s", date) : Tr.t("no segmentation snapshot yet");
            lifecycle = new ShopFigures.Lifecycle(Tr.f("customer aggregates with %s (%s; segments refresh makes one)",
                    Tr.t(StageThresholds.DEFAULT_DESCRIPTION), why), stagesFromStats(date));
            rfm = new ShopFigures.Rfm(Tr.f("customer aggregates, R and F in tie-safe quintiles of all buyers (%s)", why),
                    rfmFromStats(date));
        }
        return new ShopFigures(date, lifecycle, rfm, inflow(date), months(date));
    }

    /** {id, as-of epoch day} of the snapshot with the highest id. */
    private Optional<long[]> currentSnapshot() {
        if (!schema.hasTable("snapshots") || !schema.hasTable("customer_snapshot")) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id, as_of FROM snapshots ORDER BY id DESC LIMIT 1")
                .query((rs, n) -> new long[]{rs.getLong("id"), LocalDate.parse(rs.getString("as_of").substring(0, 10)).toEpochDay()})
                .optional();
    }

    private Map<String, Long> snapshotStages(long snapshot) {
        Map<String, Long> counts = emptyStages();
        jdbc.sql("SELECT stage, count(*) AS n FROM customer_snapshot WHERE snapshot_id = ? GROUP BY stage").param(snapshot)
                .query(rs -> {
                    counts.merge(rs.getString("stage"), rs.getLong("n"), Long::sum);
                });
        return counts;
    }

    private long[][] snapshotRfm(long snapshot) {
        long[][] counts = new long[5][5];
        jdbc.sql("SELECT r, f, count(*) AS n FROM customer_snapshot WHERE snapshot_id = ? AND r IS NOT NULL AND f IS NOT NULL GROUP BY r, f")
                .param(snapshot).query(rs -> {
                    int r = rs.getInt("r");
                    int f = rs.getInt("f");
                    if (r >= 1 && r <= 5 && f >= 1 && f <= 5) {
                        counts[f - 1][r - 1] += rs.getLong("n");
                    }
                });
        return counts;
    }

    /** A stage starts on a day: bound dates turn "days since the last order" into text comparisons. */
    private Map<String, Long> stagesFromStats(LocalDate asOf) {
        List<Integer> from = StageThresholds.DEFAULT.asList();
        String[] bounds = new String[from.size()];
        for (int i = 0; i < from.size(); i++) {
            bounds[i] = asOf.minusDays(from.get(i) - 1L).toString(); // last order on or after this day: not yet in stage i+1
        }
        Map<String, Long> counts = emptyStages();
        jdbc.sql("""
                SELECT sum(CASE WHEN last_order_at >= ? THEN 1 ELSE 0 END) AS active,
                       sum(CASE WHEN last_order_at < ? AND last_order_at >= ? THEN 1 ELSE 0 END) AS silent,
                       sum(CASE WHEN last_order_at < ? AND last_order_at >= ? THEN 1 ELSE 0 END) AS sleeping,
                       sum(CASE WHEN last_order_at < ? AND last_order_at >= ? THEN 1 ELSE 0 END) AS lost,
                       sum(CASE WHEN last_order_at < ? THEN 1 ELSE 0 END) AS gone
                FROM customer_stats WHERE last_order_at IS NOT NULL""")
                .params(bounds[0], bounds[0], bounds[1], bounds[1], bounds[2], bounds[2], bounds[3], bounds[3])
                .query(rs -> {
                    for (Stage stage : Stage.values()) {
                        if (stage != Stage.NONE) counts.put(stage.code(), rs.getLong(stage.code()));   // the column aliases
                    }
                });
        counts.put(Stage.NONE.code(), jdbc.sql("""
                SELECT count(*) FROM customers c WHERE c.erased_at IS NULL
                AND NOT EXISTS (SELECT 1 FROM customer_stats s WHERE s.customer_id = c.id AND s.last_order_at IS NOT NULL)""")
                .query(Long.class).single());
        return counts;
    }

    /**
     * Quintile scores where equal values get equal scores: a value's score is 1 + 5 × (share of buyers with a
     * strictly worse value), so ties never straddle a boundary. Recency is in days, fewer being better.
     */
    private long[][] rfmFromStats(LocalDate asOf) {
        List<long[]> rows = new ArrayList<>();
        jdbc.sql("SELECT last_order_at, order_count FROM customer_stats WHERE last_order_at IS NOT NULL").query(rs -> {
            LocalDateTime last = Timestamps.parse(rs.getString("last_order_at"));
            long days = Math.max(0, ChronoUnit.DAYS.between(last.toLocalDate(), asOf));
            rows.add(new long[]{-days, rs.getLong("order_count")});
        });
        long[][] counts = new long[5][5];
        if (rows.isEmpty()) {
            return counts;
        }
        long[] recency = rows.stream().mapToLong(r -> r[0]).sorted().toArray();
        long[] frequency = rows.stream().mapToLong(r -> r[1]).sorted().toArray();
        for (long[] row : rows) {
            counts[quintile(frequency, row[1]) - 1][quintile(recency, row[0]) - 1]++;
        }
        return counts;
    }

    static int quintile(long[] sortedAscending, long value) {
        int below = lowerBound(sortedAscending, value);
        return 1 + (int) (5L * below / sortedAscending.length);
    }

    private static int lowerBound(long[] a, long value) {
        int i = Arrays.binarySearch(a, value);
        if (i < 0) {
            return -i - 1;
        }
        while (i > 0 && a[i - 1] == value) i--;
        return i;
    }

    /** A customer whose last order was on day L enters silent on L + 90, sleeping on L + 180, and so on. */
    private ShopFigures.Inflow inflow(LocalDate asOf) {
        LocalDate start = asOf.minusDays(INFLOW_WEEKS * 7L - 1);
        List<Stage> stages = List.of(Stage.SILENT, Stage.SLEEPING, Stage.LOST, Stage.GONE);
        int[] thresholds = stages.stream().mapToInt(StageThresholds.DEFAULT::firstDayOf).toArray();
        Map<String, long[]> byStage = new LinkedHashMap<>();
        stages.forEach(s -> byStage.put(s.code(), new long[INFLOW_WEEKS]));
        jdbc.sql("""
                SELECT substr(last_order_at, 1, 10) AS day, count(*) AS n FROM customer_stats
                WHERE last_order_at >= ? AND last_order_at < ? GROUP BY substr(last_order_at, 1, 10)""")
                .params(start.minusDays(thresholds[thresholds.length - 1]).toString(), asOf.plusDays(1).toString())
                .query(rs -> {
                    LocalDate day = LocalDate.parse(rs.getString("day"));
                    for (int i = 0; i < thresholds.length; i++) {
                        long offset = ChronoUnit.DAYS.between(start, day.plusDays(thresholds[i]));
                        if (offset >= 0 && offset < INFLOW_WEEKS * 7L) {
                            byStage.get(stages.get(i).code())[(int) (offset / 7)] += rs.getLong("n");
                        }
                    }
                });
        List<LocalDate> weeks = new ArrayList<>();
        for (int w = 0; w < INFLOW_WEEKS; w++) weeks.add(start.plusWeeks(w));
        return new ShopFigures.Inflow(weeks, byStage);
    }

    private List<ShopFigures.Month> months(LocalDate asOf) {
        YearMonth last = YearMonth.from(asOf);
        YearMonth first = last.minusMonths(MONTHS - 1);
        Map<YearMonth, ShopFigures.Month> byMonth = new LinkedHashMap<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            byMonth.put(m, new ShopFigures.Month(m, 0, 0, 0, 0));
        }
        jdbc.sql("""
                SELECT month, count(*) AS customers, sum(CASE WHEN n > 1 THEN 1 ELSE 0 END) AS repeaters,
                       sum(n) AS orders, sum(revenue) AS revenue
                FROM (SELECT substr(created_at, 1, 7) AS month, customer_id, count(*) AS n, sum(amount) AS revenue
                      FROM orders WHERE status IN %s AND created_at >= ? AND created_at < ?
                      GROUP BY substr(created_at, 1, 7), customer_id) per_customer
                GROUP BY month ORDER BY month""".formatted(CustomerStats.PURCHASE_STATUSES))
                .params(first.atDay(1).toString(), asOf.plusDays(1).toString())
                .query(rs -> {
                    YearMonth m = YearMonth.parse(rs.getString("month"));
                    byMonth.put(m, new ShopFigures.Month(m, rs.getLong("customers"), rs.getLong("repeaters"),
                            rs.getLong("orders"), rs.getDouble("revenue")));
                });
        return List.copyOf(byMonth.values());
    }

    private static Map<String, Long> emptyStages() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (Stage s : Stage.values()) m.put(s.code(), 0L);
        return m;
    }
}
