package dev.rekindle.segment;

import dev.rekindle.api.Stage;
import dev.rekindle.store.CustomerStats;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * The daily flow between stages over the last N days up to a snapshot's as-of date, with the snapshot's
 * own thresholds (global and per category), and the pre-silent pool: active customers who turn silent in
 * the next N days unless they buy.
 *
 * <p>A customer enters stage S on day d when a purchase on day p has d = p + threshold(S) and no purchase
 * follows until d. Customers whose last purchase is N days old or older can only have entered a stage
 * from that last purchase: they are counted from the snapshot, grouped by (recency, category), without
 * reading a single order. Only customers who bought within the N days are looked up in the orders (their
 * purchases since N + the longest threshold days), which also shows who came back or is new.
 */
@Service
public class StageFlow {

    /** Customers who entered each stage on one day; new = first purchase ever, back = bought again after being silent or worse. */
    public record Day(LocalDate date, long newCustomers, long back, long silent, long sleeping, long lost, long gone) {
        public long active() {
            return newCustomers + back;
        }
    }

    /** Active customers who reach the silent threshold on this day if they do not buy before. */
    public record Forecast(LocalDate date, long turningSilent) {
    }

    public record Flow(Snapshot snapshot, int days, List<Day> entered, List<Forecast> turningSilent) {
    }

    private static final Stage[] LATER = {Stage.SILENT, Stage.SLEEPING, Stage.LOST, Stage.GONE};

    private final JdbcTemplate jdbc;

    public StageFlow(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Flow compute(Snapshot snap, int days) {
        Thresholds thresholds = Thresholds.of(snap);
        long asOf = snap.asOf().toEpochDay();
        long first = asOf - days + 1;                  // the window is first..asOf
        long[][] entered = new long[LATER.length + 2][days];   // 0 new, 1 back, 2.. silent, sleeping, lost, gone
        long[] turning = new long[days];               // asOf+1 .. asOf+days

        // customers whose last purchase is at least N days old: from the snapshot alone
        jdbc.query("""
                SELECT recency_days, main_category, count(*) FROM customer_snapshot
                WHERE snapshot_id = ? AND recency_days IS NOT NULL GROUP BY recency_days, main_category""", rs -> {
            int recency = rs.getInt(1);
            StageThresholds t = thresholds.of(rs.getString(2));
            long n = rs.getLong(3);
            if (recency >= days) {
                long last = asOf - recency;
                for (int s = 0; s < LATER.length; s++) {
                    long d = last + t.firstDayOf(LATER[s]);
                    if (d >= first && d <= asOf) {
                        entered[s + 2][(int) (d - first)] += n;
                    }
                }
            }
            int left = t.silent() - recency;           // days until silent
            if (left >= 1 && left <= days) {
                turning[left - 1] += n;
            }
        }, snap.id());

        // customers who bought within the N days: their purchase days from the orders
        String from = LocalDate.ofEpochDay(first - thresholds.longestGone()).toString();
        String until = LocalDate.ofEpochDay(asOf + 1).toString();
        List<Long> purchaseDays = new ArrayList<>();
        long[] current = {-1};
        String[] currentCategory = {null};
        long[] firstEver = {0};
        jdbc.query("""
                SELECT cs.customer_id, cs.main_category, substr(cs.first_order_at, 1, 10), substr(o.created_at, 1, 10)
                FROM customer_snapshot cs JOIN orders o ON o.customer_id = cs.customer_id
                WHERE cs.snapshot_id = ? AND cs.recency_days < ? AND o.status IN %s AND o.created_at >= ? AND o.created_at < ?
                ORDER BY cs.customer_id, o.created_at""".formatted(CustomerStats.PURCHASE_STATUSES), rs -> {
            long id = rs.getLong(1);
            if (id != current[0]) {
                count(purchaseDays, firstEver[0], thresholds.of(currentCategory[0]), first, asOf, entered);
                purchaseDays.clear();
                current[0] = id;
                currentCategory[0] = rs.getString(2);
                firstEver[0] = LocalDate.parse(rs.getString(3)).toEpochDay();
            }
            long day = LocalDate.parse(rs.getString(4)).toEpochDay();
            if (purchaseDays.isEmpty() || purchaseDays.get(purchaseDays.size() - 1) != day) {
                purchaseDays.add(day);
            }
        }, snap.id(), days, from, until);
        count(purchaseDays, firstEver[0], thresholds.of(currentCategory[0]), first, asOf, entered);

        List<Day> dayList = new ArrayList<>();
        for (int k = 0; k < days; k++) {
            dayList.add(new Day(LocalDate.ofEpochDay(first + k), entered[0][k], entered[1][k], entered[2][k],
                    entered[3][k], entered[4][k], entered[5][k]));
        }
        List<Forecast> forecast = new ArrayList<>();
        for (int k = 0; k < days; k++) {
            forecast.add(new Forecast(LocalDate.ofEpochDay(asOf + 1 + k), turning[k]));
        }
        return new Flow(snap, days, dayList, forecast);
    }

    /** One customer's distinct purchase days (ascending, all since the look-back start). */
    private static void count(List<Long> purchases, long firstEver, StageThresholds t, long first, long asOf, long[][] entered) {
        for (int j = 0; j < purchases.size(); j++) {
            long p = purchases.get(j);
            long next = j + 1 < purchases.size() ? purchases.get(j + 1) : Long.MAX_VALUE;
            if (p >= first) {
                if (p == firstEver) {
                    entered[0][(int) (p - first)]++;
                } else if (j == 0 || p - purchases.get(j - 1) >= t.silent()) {
                    // j == 0: the previous purchase is older than the look-back, so longer ago than any threshold
                    entered[1][(int) (p - first)]++;
                }
            }
            for (int s = 0; s < LATER.length; s++) {
                long d = p + t.firstDayOf(LATER[s]);
                if (d >= first && d <= asOf && d < next) {
                    entered[s + 2][(int) (d - first)]++;
                }
            }
        }
    }

    /** The thresholds a snapshot was made with, read back from its settings. */
    record Thresholds(StageThresholds global, Map<String, StageThresholds> byCategory) {

        static Thresholds of(Snapshot snap) {
            JsonNode s = SnapshotText.settings(snap);
            StageThresholds global = s.has("stages") ? list(s.get("stages")) : StageThresholds.DEFAULT;
            Map<String, StageThresholds> by = new HashMap<>();
            JsonNode cat = s.path("category_stages");
            for (String name : cat.propertyNames()) {
                by.put(name, list(cat.get(name)));
            }
            return new Thresholds(global, by);
        }

        StageThresholds of(String category) {
            return category == null ? global : byCategory.getOrDefault(category, global);
        }

        int longestGone() {
            return Math.max(global.gone(), byCategory.values().stream().mapToInt(StageThresholds::gone).max().orElse(0));
        }

        private static StageThresholds list(JsonNode a) {
            return new StageThresholds(a.get(0).asInt(), a.get(1).asInt(), a.get(2).asInt(), a.get(3).asInt());
        }
    }
}
