package dev.rekindle.dist.replay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * What the shop's exports bring every morning: yesterday's orders (a few dozen, from existing buyers and a
 * few new ones) and yesterday's SMS replies (TD/退订/T/N), in the formats the README's import section
 * describes. The opt-outs are aimed where they hurt: customers today's plans would pick (last purchase exactly
 * 80 days ago, birthday in 3 days) and targets of campaigns still going out, whose messages are still to go.
 */
final class ShopFeed {

    /** What one day's files hold. */
    record Day(int orders, int newBuyers, int optOutsOfTodaysTargets, int lateOptOuts, int otherOptOuts) {
    }

    static final String ORDERS = "inbox/orders.csv";
    static final String REPLIES = "inbox/sms-replies.csv";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String[] REFUSALS = {"TD", "退订", "T", "N", "td"};
    private static final String[] NEW_NAMES = {"林小雨", "陈思远", "周一鸣", "吴晓丽", "郑家豪", "孙雅婷"};
    private static final String REAL_MOBILE = "c.mobile_note IS NULL AND c.mobile GLOB '1[3-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'";
    private static final String NOT_REFUSED = "NOT EXISTS (SELECT 1 FROM consents k WHERE k.customer_id = c.id AND k.channel IN ('sms', '*') AND k.granted = 0)";

    private final ShopDb db;
    private final Path home;
    private final Random random;
    private int dayIndex;

    ShopFeed(ShopDb db, Path home, long seed) {
        this.db = db;
        this.home = home;
        this.random = new Random(seed);
    }

    /** Writes the files today's script imports: orders and replies that came in yesterday after the last run. */
    Day writeDay(LocalDate today) throws IOException, SQLException {
        dayIndex++;
        LocalDate yesterday = today.minusDays(1);
        Files.createDirectories(home.resolve("inbox"));
        Set<String> used = new HashSet<>();

        // customers today's dormancy reminder would pick: some buy again yesterday, some reply TD
        List<Map<String, Object>> dormant = db.rows("SELECT c.buyer_id, c.name, c.mobile FROM customers c JOIN customer_stats s ON s.customer_id = c.id"
                + " WHERE c.erased_at IS NULL AND c.name IS NOT NULL AND " + REAL_MOBILE + " AND " + NOT_REFUSED
                + " AND date(s.last_order_at) = ? ORDER BY c.id", today.minusDays(80).toString());
        List<Map<String, Object>> birthdays = db.rows("SELECT c.buyer_id, c.name, c.mobile FROM customers c WHERE c.erased_at IS NULL AND "
                + REAL_MOBILE + " AND " + NOT_REFUSED + " AND substr(c.birthday, -5) = ? ORDER BY c.id",
                today.plusDays(3).format(DateTimeFormatter.ofPattern("MM-dd")));
        List<Map<String, Object>> buyers = db.rows("SELECT c.buyer_id, c.name, c.mobile FROM customers c JOIN customer_stats s ON s.customer_id = c.id"
                + " WHERE c.erased_at IS NULL AND c.name IS NOT NULL AND " + REAL_MOBILE + " ORDER BY c.id");

        StringBuilder orders = new StringBuilder("order_id,customer_id,time,amount,buyer_name,mobile\n");
        int n = 0;
        List<Map<String, Object>> buying = new ArrayList<>(pick(dormant, 4, used));
        buying.addAll(pick(buyers, 22, used));
        for (Map<String, Object> c : buying) {
            orders.append(orderLine(yesterday, ++n, (String) c.get("buyer_id"), (String) c.get("name"), (String) c.get("mobile")));
        }
        int newBuyers = 0;
        for (int k = 1; k <= 3; k++) {
            String mobile = String.format("199%08d", dayIndex * 10 + k);
            if (db.count("SELECT count(*) FROM customers WHERE mobile = ?", mobile) > 0) continue;
            String buyer = "rp" + yesterday.format(DateTimeFormatter.BASIC_ISO_DATE) + "n" + k;
            orders.append(orderLine(yesterday, ++n, buyer, NEW_NAMES[random.nextInt(NEW_NAMES.length)], mobile));
            newBuyers++;
        }
        Files.writeString(home.resolve(ORDERS), orders, StandardCharsets.UTF_8);

        StringBuilder replies = new StringBuilder("手机号码,回复内容,回复时间\n");
        LocalDateTime evening = yesterday.atTime(20, 0);
        List<Map<String, Object>> todays = new ArrayList<>(pick(dormant, 2, used));
        todays.addAll(pick(birthdays, 2, used));
        List<Map<String, Object>> late = pick(lateCandidates(), 2, used);
        List<Map<String, Object>> others = pick(buyers, 2, used);
        int minute = 0;
        for (List<Map<String, Object>> group : List.of(todays, late, others)) {
            for (Map<String, Object> c : group) replies.append(replyLine((String) c.get("mobile"), refusal(), evening.plusMinutes(minute++)));
        }
        if (!buyers.isEmpty()) {
            // not a decision: the import skips it and counts it
            replies.append(replyLine((String) buyers.get(random.nextInt(buyers.size())).get("mobile"), "谢谢", evening.plusMinutes(minute)));
        }
        Files.writeString(home.resolve(REPLIES), replies, StandardCharsets.UTF_8);
        return new Day(n, newBuyers, todays.size(), late.size(), others.size());
    }

    /**
     * Replies that come in while a campaign is going out (after its plan, before its messages): appended to
     * today's replies file, which the next run imports again (the rows already imported change nothing).
     * @return the buyer ids that opted out
     */
    List<String> appendLateOptOuts(LocalDateTime at, int count) throws IOException, SQLException {
        List<String> who = new ArrayList<>();
        StringBuilder rows = new StringBuilder();
        for (Map<String, Object> c : pick(lateCandidates(), count, new HashSet<>())) {
            rows.append(replyLine((String) c.get("mobile"), refusal(), at.plusMinutes(who.size())));
            who.add((String) c.get("buyer_id"));
        }
        Files.writeString(home.resolve(REPLIES), rows, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        return who;
    }

    /** Targets of campaigns not finished whose message has not gone out (no sent, sending or unknown row). */
    private List<Map<String, Object>> lateCandidates() throws SQLException {
        return db.rows("""
                SELECT DISTINCT c.id, c.buyer_id, c.mobile FROM campaign_members m
                JOIN campaigns g ON g.id = m.campaign_id JOIN customers c ON c.id = m.customer_id
                WHERE m.status = 'target' AND g.status NOT IN ('finished', 'cancelled', 'sent') AND c.erased_at IS NULL
                  AND %s AND %s
                  AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.campaign_id = m.campaign_id AND d.customer_id = m.customer_id
                                  AND d.state IN ('sent', 'sending', 'unknown'))
                ORDER BY c.id""".formatted(REAL_MOBILE, NOT_REFUSED));
    }

    private List<Map<String, Object>> pick(List<Map<String, Object>> from, int n, Set<String> used) {
        List<Map<String, Object>> pool = new ArrayList<>();
        for (Map<String, Object> c : from) if (!used.contains((String) c.get("buyer_id"))) pool.add(c);
        List<Map<String, Object>> out = new ArrayList<>();
        while (out.size() < n && !pool.isEmpty()) {
            Map<String, Object> c = pool.remove(random.nextInt(pool.size()));
            used.add((String) c.get("buyer_id"));
            out.add(c);
        }
        return out;
    }

    private String orderLine(LocalDate day, int n, String buyer, String name, String mobile) {
        LocalDateTime at = day.atTime(10 + random.nextInt(10), random.nextInt(60), random.nextInt(60));
        String amount = String.format("%d.%02d", 20 + random.nextInt(480), random.nextInt(100));
        return "RP" + day.format(DateTimeFormatter.BASIC_ISO_DATE) + "-" + n + "," + buyer + "," + at.format(TIME) + ","
                + amount + "," + name + "," + mobile + "\n";
    }

    private static String replyLine(String mobile, String reply, LocalDateTime at) {
        return mobile + "," + reply + "," + at.format(TIME) + "\n";
    }

    private String refusal() {
        return REFUSALS[random.nextInt(REFUSALS.length)];
    }
}
