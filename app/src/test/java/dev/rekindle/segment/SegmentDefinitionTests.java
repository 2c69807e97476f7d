package dev.rekindle.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rekindle.filter.SqlFragment;
import dev.rekindle.console.UserException;
import dev.rekindle.store.CustomerStats;
import dev.rekindle.support.HandMadeShop;
import dev.rekindle.support.ShellTestSupport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Saved segments and every built-in field of the filter language, on five customers (as of 2025-01-01):
 * <pre>
 * tb1  上海 F 1990-05-20 vip 500 points, mobile+email+WeChat, SMS granted; 母婴用品 300 (2024-12-20), 食品零食 50
 * tb2  北京 M --05-03 normal, mobile; refused every channel; 数码配件 1000 (2024-05-01)
 * tb3  no city/gender, 2000-01-01, email; email granted, SMS refused; 食品零食 20 × 3 in September 2024
 * tb4  上海, never bought
 * tb5  上海, erased (PIPL), bought: never a member of anything
 * </pre>
 */
class SegmentDefinitionTests extends ShellTestSupport {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    CustomerStats stats;
    @Autowired
    CustomerSegments segments;

    @BeforeEach
    void shop() {
        HandMadeShop shop = new HandMadeShop(jdbc, stats).clear();
        shop.customer(1, "tb1").profile(1, "city", "上海").profile(1, "gender", "F").profile(1, "birthday", "1990-05-20")
                .profile(1, "member_level", "vip").profile(1, "points", 500).profile(1, "mobile", "13812345678")
                .profile(1, "email", "ab@example.com").profile(1, "wechat_id", "wxid_abcdef").profile(1, "name", "王芳")
                .consent(1, "sms", true)
                .order(1, "2024-12-20 10:00:00", 300, "completed", "母婴用品").order(1, "2024-11-01 10:00:00", 50, "completed", "食品零食");
        shop.customer(2, "tb2").profile(2, "city", "北京").profile(2, "gender", "M").profile(2, "birthday", "--05-03")
                .profile(2, "member_level", "normal").profile(2, "mobile", "13900001111").consent(2, "*", false)
                .order(2, "2024-05-01 10:00:00", 1000, "completed", "数码配件");
        shop.customer(3, "tb3").profile(3, "birthday", "2000-01-01").profile(3, "email", "cd@example.com")
                .consent(3, "email", true).consent(3, "sms", false)
                .order(3, "2024-09-01 10:00:00", 20, "completed", "食品零食").order(3, "2024-09-10 10:00:00", 20, "completed", "食品零食")
                .order(3, "2024-09-20 10:00:00", 20, "completed", "食品零食");
        shop.customer(4, "tb4").profile(4, "city", "上海");
        shop.customer(5, "tb5").profile(5, "city", "上海").profile(5, "erased_at", "2024-12-01 00:00:00")
                .order(5, "2024-12-01 10:00:00", 99);
        shop.refreshStats();
        assertEquals(0, run("segments refresh --as-of 2025-01-01").exit());
    }

    /** Buyer ids matching an expression, through define + show as an operator would. */
    private List<String> members(String expression) {
        Result d = run("segments define t --where \"" + expression.replace("\"", "\\\"") + "\"");
        assertEquals(0, d.exit(), expression + ": " + d.all());
        Result s = run("segments show t --format csv --limit 100");
        assertEquals(0, s.exit(), s.all());
        List<String> ids = new ArrayList<>();
        s.out().lines().skip(1).forEach(l -> ids.add(l.split(",")[1]));
        return ids.stream().sorted().toList();
    }

    @Test
    void shouldSelectByProfile() {
        assertEquals(List.of("tb1", "tb4"), members("city = 上海"), "the erased customer is never selected");
        assertEquals(List.of("tb2", "tb3"), members("city != 上海"), "no city is not 上海");
        assertEquals(List.of("tb2", "tb3"), members("not city = 上海"));
        assertEquals(List.of("tb3"), members("city is null"));
        assertEquals(List.of("tb1"), members("gender = 女"));
        assertEquals(List.of("tb1"), members("member_level = VIP and points >= 100"));
        assertEquals(List.of("tb1"), members("age >= 30"));
        assertEquals(List.of("tb3"), members("age = 25"), "25 on the birthday itself");
        assertEquals(List.of("tb1", "tb2"), members("birthday_month = 5"), "a birthday without a year has a month");
        assertEquals(List.of("tb2"), members("birthday_day = 3"));
    }

    @Test
    void shouldSelectByPurchases() {
        assertEquals(List.of("tb1"), members("bought(母婴用品)"));
        assertEquals(List.of("tb1", "tb2", "tb3"), members("bought(食品零食, 数码配件)"));
        assertEquals(List.of("tb1"), members("main_category = 母婴用品"), "one order each: the bigger spend wins");
        assertEquals(List.of("tb3"), members("frequency >= 3"));
        assertEquals(List.of("tb2"), members("monetary > 500"));
        assertEquals(List.of("tb2"), members("first_order_date < 2024-06-01"));
        assertEquals(List.of("tb3"), members("last_order_date between 2024-09-01 and 2024-09-30"));
        assertEquals(List.of("tb1"), members("recency_days < 30"));
        assertEquals(List.of("tb4"), members("stage = none"));
        assertEquals(List.of("tb4"), members("segment is null"));
        assertEquals(List.of("tb1", "tb2", "tb3"), members("r >= 1"));
    }

    @Test
    void shouldSelectByContactsAndConsents() {
        assertEquals(List.of("tb3"), members("has_email and not has_mobile"));
        assertEquals(List.of("tb1"), members("has_wechat"));
        assertEquals(List.of("tb1"), members("consent(sms) = granted"));
        assertEquals(List.of("tb2", "tb3"), members("consent(sms) = refused"), "a refusal of every channel counts for SMS");
        assertEquals(List.of("tb1", "tb4"), members("consent(email) = unknown"));
        assertEquals(List.of("tb3"), members("consent(EMAIL) = granted"));
    }

    @Test
    void showShouldMaskContactsAndNameTheSnapshot() {
        run("segments define shanghai --where \"city = 上海\"");

        Result r = run("segments show shanghai");

        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().startsWith("Segment shanghai (city = 上海): 2 customers in snapshot #"), r.out());
        assertTrue(r.out().contains("138****5678"), r.out());
        assertFalse(r.out().contains("13812345678"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.contains("tb4") && l.contains("never bought")),
                "the stage by its name, as segments list says it: " + r.out());
        assertTrue(run("segments show shanghai --format csv").out().lines().anyMatch(l -> l.startsWith("1,tb4,") && l.contains(",none,")),
                "scripts get the code, and the snapshot on every row");
        assertFalse(r.out().lines().skip(1).findFirst().orElseThrow().startsWith("snapshot"), "on screen the heading names the snapshot");
    }

    @Test
    void showShouldAlsoTakeRfmSegmentsAndStages() {
        Result stage = run("segments show 未购买 --format csv");
        Result rfm = run("segments show important_value --format csv");

        assertEquals(0, stage.exit(), stage.all());
        assertEquals(2, stage.out().lines().count(), stage.out());
        assertTrue(stage.out().contains(",tb4,"), stage.out());
        assertEquals(0, rfm.exit(), rfm.all());
    }

    @Test
    void defineShouldReplaceSayWhatMatchesAndDropShouldForget() {
        Result first = run("segments define big --where \"monetary > 500\"");
        Result second = run("segments define big --where \"monetary > 100\"");

        assertTrue(first.out().contains("Saved segment big: 1 customers match in snapshot #"), first.out());
        assertTrue(second.out().contains("Updated segment big (was: monetary > 500): 2 customers"), second.out());
        assertTrue(run("segments list").out().contains("monetary > 100"));
        assertEquals(0, run("segments drop big").exit());
        assertEquals(1, run("segments show big").exit());
        Result again = run("segments drop big");
        assertEquals(1, again.exit());
        assertTrue(again.err().contains("no saved segment 'big'"), again.err());
    }

    @Test
    void defineShouldShowWhereTheExpressionIsWrong() {
        Result r = run("segments define oops --where \"stage = silent and (m >= 4\"");

        assertEquals(1, r.exit());
        assertTrue(r.err().contains("position 27: expected ')' to close the '(' at position 20"), r.err());
        assertTrue(r.err().contains("^"), r.err());
        assertTrue(jdbc.sql("SELECT count(*) FROM segment_definitions").query(Long.class).single() == 0, "nothing saved");
    }

    @Test
    void aFilterTooBigToRunIsNeverSavedAndTheBiggestAcceptedOneRuns() {
        String threeThousand = String.join(" or ", java.util.Collections.nCopies(3000, "r = 1"));
        String deep = "(".repeat(5000) + "r = 1" + ")".repeat(5000);
        // the limit itself: 500 conditions, heavy fields and 'not' included, must run on SQLite
        String fiveHundred = String.join(" or ", java.util.Collections.nCopies(250,
                "(not not bought(母婴用品) and consent(sms) = granted)"));

        Result wide = run("segments define wide --where \"" + threeThousand + "\"");
        Result nested = run("segments define nested --where \"" + deep + "\"");
        Result limit = run("segments define limit --where \"" + fiveHundred + "\"");

        assertEquals(1, wide.exit(), wide.all());
        assertTrue(wide.err().contains("more than 500 conditions"), wide.err());
        assertEquals(1, nested.exit(), nested.all());
        assertTrue(nested.err().contains("more than 50 deep"), nested.err());
        assertEquals(0, limit.exit(), limit.all());
        assertEquals(java.util.List.of("limit"), jdbc.sql("SELECT name FROM segment_definitions").query(String.class).list());
        assertEquals(0, run("segments show limit").exit());
    }

    @Test
    void defineShouldRefuseBuiltInAndMalformedNames() {
        Result builtIn = run("segments define silent --where \"r = 1\"");
        Result chinese = run("segments define 重要挽留 --where \"r = 1\"");
        Result spaces = run("segments define 'a b' --where \"r = 1\"");
        Result noWhere = run("segments define x");

        assertEquals(1, builtIn.exit());
        assertTrue(builtIn.err().contains("built-in stage"), builtIn.err());
        assertEquals(1, chinese.exit());
        assertEquals(2, spaces.exit());
        assertEquals(2, noWhere.exit());
        assertEquals(0, run("segments define 老客_vip --where \"r = 1\"").exit(), "Chinese names are fine");
    }

    @Test
    void fieldsShouldListTheLanguage() {
        Result r = run("segments fields");

        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("bought(CATEGORY, …)"), r.out());
        assertTrue(r.out().contains("consent(CHANNEL)"), r.out());
        assertTrue(r.out().contains("between LOW and HIGH"), r.out());
    }

    @Test
    void otherFeaturesShouldGetParameterisedConditionsForASegment() {
        run("segments define rich --where \"monetary >= 300\"");

        SegmentCondition rich = segments.condition("rich");
        SqlFragment ids = rich.memberIds();
        List<String> buyers = jdbc.sql("SELECT buyer_id FROM customers WHERE id IN (" + ids.sql() + ") ORDER BY buyer_id")
                .params(ids.params()).query(String.class).list();

        assertEquals(List.of("tb1", "tb2"), buyers);
        assertEquals(segments.currentSnapshotId(), rich.snapshot().id());
        assertEquals("segment = important_retain", segments.condition("重要挽留").expression());
        assertEquals(1, segments.count(segments.condition("none")));
        assertEquals(3, segments.count(segments.filter("frequency > 0")));
        UserException unknown = assertThrows(UserException.class, () -> segments.condition("nobody"));
        assertTrue(unknown.getMessage().contains("rich"), unknown.getMessage());
    }
}
