package dev.rekindle.metrics;

import dev.rekindle.store.CustomerStats;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Computes the metrics from the purchase orders of a period in one pass, customer by customer (orders in
 * customer and time order from the orders index):
 * <ul>
 * <li>repeat purchase rate = customers with more than one order ÷ customers with at least one;</li>
 * <li>purchase frequency = orders ÷ customers; AOV = revenue ÷ orders; customer value = frequency × AOV;</li>
 * <li>30-day repeat rate = of the customers whose first order in the period (or group) was at least 30 days
 *     before the period's end, the share who ordered again within 30 days of it — for members and others.</li>
 * </ul>
 * A group holds a customer's orders in it: by month and category each order counts where it falls; by
 * member level and city all of a customer's orders count for the customer's level or city.
 */
@Service
public class RetentionMetrics {

    static final long THIRTY_DAYS = 30L * 86_400;

    /** The period actually covered and the rows: one per group, then everyone ("all"). */
    record Report(LocalDate from, LocalDate to, Grouping grouping, List<MetricsRow> groups, MetricsRow all) {
    }

    private final JdbcTemplate jdbc;
    private final PurchaseOccasion occasion;

    @org.springframework.beans.factory.annotation.Autowired
    public RetentionMetrics(JdbcTemplate jdbc, MetricsProperties settings) {
        this(jdbc, settings.purchaseOccasion());
    }

    RetentionMetrics(JdbcTemplate jdbc, PurchaseOccasion occasion) {
        this.jdbc = jdbc;
        this.occasion = occasion;
    }

    Report compute(LocalDate from, LocalDate to, Grouping grouping) {
        String lower = from == null ? "" : from.toString();
        String upper = to == null ? "9999" : to.plusDays(1).toString();
        String[] span = jdbc.queryForObject("SELECT min(created_at), max(created_at) FROM orders WHERE status IN "
                + CustomerStats.PURCHASE_STATUSES + " AND created_at >= ? AND created_at < ?",
                (rs, n) -> new String[]{rs.getString(1), rs.getString(2)}, lower, upper);
        if (span[0] == null) {
            return new Report(from, to, grouping, List.of(), new Accumulator("all", false).row());
        }
        // the end of the period: the end of --to, or the last purchase when no --to was given
        long end = to != null ? epochSecond(to.plusDays(1) + " 00:00:00") : epochSecond(span[1]);
        Map<String, Accumulator> groups = new TreeMap<>();
        boolean byDay = occasion == PurchaseOccasion.DAY;
        Accumulator all = new Accumulator("all", byDay);
        CustomerOrders current = new CustomerOrders();
        jdbc.query("""
                SELECT o.customer_id, o.created_at, o.amount, o.category, c.member_level, c.city, c.province
                FROM orders o JOIN customers c ON c.id = o.customer_id
                WHERE o.status IN %s AND o.created_at >= ? AND o.created_at < ?
                ORDER BY o.customer_id, o.created_at, o.id""".formatted(CustomerStats.PURCHASE_STATUSES), rs -> {
            long id = rs.getLong(1);
            if (id != current.id) {
                current.flush(grouping, groups, all, end);
                current.start(id, Membership.isMember(rs.getString(5)), rs.getString(5), rs.getString(6), rs.getString(7));
            }
            String time = rs.getString(2);
            current.add(epochSecond(time), rs.getDouble(3), time.substring(0, Math.min(7, time.length())), rs.getString(4));
        }, lower, upper);
        current.flush(grouping, groups, all, end);
        List<MetricsRow> rows = new ArrayList<>();
        groups.values().forEach(a -> rows.add(a.row()));
        return new Report(from != null ? from : LocalDate.parse(span[0].substring(0, 10)),
                to != null ? to : LocalDate.parse(span[1].substring(0, 10)), grouping, rows, all.row());
    }

    /** One customer's orders in the period, in time order. */
    private static final class CustomerOrders {
        long id = -1;
        boolean member;
        String level;
        String city;
        String province;
        final List<Long> times = new ArrayList<>();
        final List<Double> amounts = new ArrayList<>();
        final List<String> months = new ArrayList<>();
        final List<String> categories = new ArrayList<>();

        void start(long customerId, boolean isMember, String memberLevel, String customerCity, String customerProvince) {
            province = customerProvince;
            id = customerId;
            member = isMember;
            level = memberLevel;
            city = customerCity;
            times.clear();
            amounts.clear();
            months.clear();
            categories.clear();
        }

        void add(long time, double amount, String month, String category) {
            times.add(time);
            amounts.add(amount);
            months.add(month);
            categories.add(category);
        }

        void flush(Grouping grouping, Map<String, Accumulator> groups, Accumulator all, long end) {
            if (times.isEmpty()) {
                return;
            }
            all.add(this, null, end);
            if (grouping == Grouping.NONE) {
                return;
            }
            // the orders of each group this customer falls in (insertion order keeps time order within a group)
            Map<String, List<Integer>> byGroup = new LinkedHashMap<>();
            for (int i = 0; i < times.size(); i++) {
                String key = switch (grouping) {
                    case MONTH -> months.get(i);
                    case CATEGORY -> orNone(categories.get(i));
                    case MEMBER_LEVEL -> orNone(level);
                    case CITY -> orNone(city);
                    case PROVINCE -> orNone(province);
                    case NONE -> throw new IllegalStateException();
                };
                byGroup.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
            }
            byGroup.forEach((key, orders) -> groups.computeIfAbsent(key, k -> new Accumulator(k, all.byDay)).add(this, orders, end));
        }

        private static String orNone(String s) {
            return s == null || s.isBlank() ? "(none)" : s;
        }
    }

    private static final class Accumulator {
        final String name;
        final boolean byDay; // purchase occasion = day: same-day orders are one purchase for repeat and "again"
        long customers, repeatCustomers, orders, cohort, repeat30, membersCohort, membersRepeat30, othersCohort, othersRepeat30;
        double revenue;

        Accumulator(String name, boolean byDay) {
            this.name = name;
            this.byDay = byDay;
        }

        /** @param indexes the customer's orders in this group, or null for all of them */
        void add(CustomerOrders c, List<Integer> indexes, long end) {
            int n = indexes == null ? c.times.size() : indexes.size();
            int firstIndex = indexes == null ? 0 : indexes.get(0);
            customers++;
            long occasions = n;
            if (byDay) {
                occasions = java.util.stream.IntStream.range(0, n)
                        .mapToLong(k -> Math.floorDiv(c.times.get(indexes == null ? k : indexes.get(k)), 86_400L)).distinct().count();
            }
            if (occasions > 1) repeatCustomers++;
            orders += n;
            for (int k = 0; k < n; k++) {
                revenue += c.amounts.get(indexes == null ? k : indexes.get(k));
            }
            long t0 = c.times.get(firstIndex);
            if (t0 + THIRTY_DAYS <= end) {
                // "again": the customer's next order of any kind, same day included (by day: the next other day)
                int next = firstIndex + 1;
                while (byDay && next < c.times.size() && Math.floorDiv(c.times.get(next), 86_400L) == Math.floorDiv(t0, 86_400L)) {
                    next++;
                }
                boolean again = next < c.times.size() && c.times.get(next) - t0 <= THIRTY_DAYS;
                cohort++;
                if (again) repeat30++;
                if (c.member) {
                    membersCohort++;
                    if (again) membersRepeat30++;
                } else {
                    othersCohort++;
                    if (again) othersRepeat30++;
                }
            }
        }

        MetricsRow row() {
            return new MetricsRow(name, customers, repeatCustomers, orders, Math.round(revenue * 100) / 100.0, cohort, repeat30,
                    membersCohort, membersRepeat30, othersCohort, othersRepeat30);
        }
    }

    /** Seconds since the epoch of a shop-local 'YYYY-MM-DD HH:MM:SS' (the zone does not matter for differences). */
    static long epochSecond(String t) {
        if (t.length() == 19 && t.charAt(10) == ' ') {
            long day = LocalDate.of(digits(t, 0, 4), digits(t, 5, 7), digits(t, 8, 10)).toEpochDay();
            return day * 86_400 + digits(t, 11, 13) * 3600L + digits(t, 14, 16) * 60L + digits(t, 17, 19);
        }
        if (t.length() == 10) {
            return LocalDate.parse(t).toEpochDay() * 86_400;
        }
        return LocalDateTime.parse(t.replace(' ', 'T')).toEpochSecond(ZoneOffset.UTC);
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            v = v * 10 + (s.charAt(i) - '0');
        }
        return v;
    }
}
