package dev.rekindle.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rekindle.store.CustomerStats;
import dev.rekindle.support.HandMadeShop;
import dev.rekindle.support.ShellTestSupport;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The metrics of 2024 worked out by hand:
 * <pre>
 * m1 vip 上海     2024-01-10 100 A, 2024-01-20 50 B     repeat; again within 30 days
 * m2 normal 北京  2024-02-01 200 A, 2024-04-01 100 A    repeat; 60 days: not within 30
 * m3 senior 上海  2024-03-05 80 A, 2024-03-05 20 A      repeat (same day counts); within 30
 * m4 —            2024-12-20 40 B                       too late for the 30-day cohort
 * m5 —            2023-12-31 30 (before), 2024-06-01 60 B
 * m6 —            only a closed order
 * customers 5, repeat 3 (60 %), orders 8, revenue 650, frequency 1.6, AOV 81.25, customer value 130,
 * 30-day repeat 2 of 4 (members m1, m3: 2 of 2; others m2, m5: 0 of 2)
 * </pre>
 */
class MetricsTests extends ShellTestSupport {

    static final String HEADER = "from,to,customers,repeat_customers,repeat_rate,orders,revenue,purchase_frequency,aov,"
            + "customer_value,repeat_30d_cohort,repeat_30d_rate,members_repeat_30d_rate,others_repeat_30d_rate";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    CustomerStats stats;

    @BeforeEach
    void shop() {
        HandMadeShop shop = new HandMadeShop(jdbc, stats).clear();
        shop.customer(1, "m1").profile(1, "member_level", "vip").profile(1, "city", "上海")
                .order(1, "2024-01-10 10:00:00", 100, "completed", "A").order(1, "2024-01-20 10:00:00", 50, "completed", "B");
        shop.customer(2, "m2").profile(2, "member_level", "normal").profile(2, "city", "北京")
                .order(2, "2024-02-01 10:00:00", 200, "completed", "A").order(2, "2024-04-01 10:00:00", 100, "paid", "A");
        shop.customer(3, "m3").profile(3, "member_level", "senior").profile(3, "city", "上海")
                .order(3, "2024-03-05 10:00:00", 80, "completed", "A").order(3, "2024-03-05 18:00:00", 20, "completed", "A");
        shop.customer(4, "m4").order(4, "2024-12-20 10:00:00", 40, "completed", "B");
        shop.customer(5, "m5").order(5, "2023-12-31 10:00:00", 30, "completed", "B").order(5, "2024-06-01 10:00:00", 60, "completed", "B");
        shop.customer(6, "m6").order(6, "2024-05-05 10:00:00", 500, "closed", "A");
        shop.refreshStats();
    }

    @Test
    void shouldComputeTheYearByHand() {
        Result r = run("metrics --from 2024-01-01 --to 2024-12-31 --format csv");

        assertEquals(0, r.exit(), r.all());
        assertEquals(List.of("group," + HEADER, "all,2024-01-01,2024-12-31,5,3,0.6,8,650.0,1.6,81.25,130.0,4,0.5,1.0,0.0"),
                r.out().lines().toList());
    }

    /**
     * rekindle.purchase-occasion=day: m3's two orders of 2024-03-05 are one purchase, so m3 neither repeats nor buys
     * "again" within 30 days: repeat 2 of 5, 30-day repeat 1 of 4 (members m1 yes, m3 no: 0.5). Orders stay 8.
     */
    @Test
    void purchaseDaysShouldMergeOrdersOfOneDay(@Autowired org.springframework.jdbc.core.JdbcTemplate template) {
        RetentionMetrics byDay = new RetentionMetrics(template, PurchaseOccasion.DAY);

        MetricsRow all = byDay.compute(java.time.LocalDate.parse("2024-01-01"), java.time.LocalDate.parse("2024-12-31"),
                Grouping.NONE).all();

        assertEquals(5, all.customers());
        assertEquals(2, all.repeatCustomers());
        assertEquals(8, all.orders());
        assertEquals(4, all.repeat30Cohort());
        assertEquals(1, all.repeat30());
        assertEquals(1, all.membersRepeat30());
        assertEquals(2, all.membersCohort());
    }

    @Test
    void shouldDefaultToEveryPurchase() {
        Result r = run("metrics --format csv");

        assertEquals(0, r.exit(), r.all());
        // m5's order of 2023-12-31 now counts: m5 repeats, but 152 days apart
        assertEquals("all,2023-12-31,2024-12-20,5,4,0.8,9,680.0,1.8,75.56,136.0,4,0.5,1.0,0.0", r.out().lines().toList().get(1));
    }

    @Test
    void shouldSplitByCategoryCountingEachOrderWhereItFalls() {
        Result r = run("metrics --from 2024-01-01 --to 2024-12-31 --by category --format csv");

        assertEquals(0, r.exit(), r.all());
        List<String> lines = r.out().lines().toList();
        assertEquals("category," + HEADER, lines.get(0));
        assertEquals("A,2024-01-01,2024-12-31,3,2,0.6667,5,500.0,1.6667,100.0,166.67,3,0.6667,1.0,0.0", lines.get(1));
        assertEquals("B,2024-01-01,2024-12-31,3,0,0.0,3,150.0,1.0,50.0,50.0,2,0.0,0.0,0.0", lines.get(2));
        assertTrue(lines.get(3).startsWith("all,"), r.out());
    }

    @Test
    void shouldSplitByMemberLevelCityAndMonth() {
        List<String> levels = run("metrics --from 2024-01-01 --to 2024-12-31 --by member_level --format csv").out().lines().toList();
        List<String> cities = run("metrics --from 2024-01-01 --to 2024-12-31 --by city --format csv").out().lines().toList();
        List<String> months = run("metrics --from 2024-01-01 --to 2024-12-31 --by month --format csv").out().lines().toList();

        assertEquals(List.of("(none)", "normal", "senior", "vip", "all"), levels.stream().skip(1).map(l -> l.split(",")[0]).toList());
        assertTrue(levels.contains("(none),2024-01-01,2024-12-31,2,0,0.0,2,100.0,1.0,50.0,50.0,1,0.0,,0.0"), levels.toString());
        assertTrue(cities.contains("上海,2024-01-01,2024-12-31,2,2,1.0,4,250.0,2.0,62.5,125.0,2,1.0,1.0,"), cities.toString());
        assertTrue(months.contains("2024-01,2024-01-01,2024-12-31,1,1,1.0,2,150.0,2.0,75.0,150.0,1,1.0,1.0,"), months.toString());
        assertTrue(months.contains("2024-04,2024-01-01,2024-12-31,1,0,0.0,1,100.0,1.0,100.0,100.0,1,0.0,,0.0"), months.toString());
    }

    @Test
    void shouldExplainTheFiguresForPeople() {
        Result overview = run("metrics --from 2024-01-01 --to 2024-12-31");
        Result byCity = run("metrics --from 2024-01-01 --to 2024-12-31 --by city");

        assertTrue(overview.out().contains("repeat purchase rate           60.0%   (3 bought more than once)"), overview.out());
        assertTrue(overview.out().contains("members (level above normal)  100.0%  of 2"), overview.out());
        assertTrue(overview.out().contains("others                        0.0%  of 2"), overview.out());
        assertTrue(byCity.out().contains("members = member level above normal"), byCity.out());
    }

    @Test
    void shouldRejectBadOptionsAndSayWhenThereIsNothing() {
        assertEquals(2, run("metrics --by weekday").exit());
        assertEquals(2, run("metrics --from 2024-02-30").exit());
        assertEquals(2, run("metrics --from 2024-06-01 --to 2024-01-01").exit());
        Result empty = run("metrics --from 2030-01-01");
        assertEquals(0, empty.exit());
        assertTrue(empty.out().contains("nothing to measure"), empty.out());
    }
}
