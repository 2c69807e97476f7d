package dev.rekindle.report.simulation;

import dev.rekindle.api.Stage;
import dev.rekindle.report.Timestamps;
import dev.rekindle.report.campaign.CampaignFacts;
import dev.rekindle.report.campaign.Campaigns;
import dev.rekindle.report.campaign.SendTime;
import dev.rekindle.segment.StageThresholds;
import dev.rekindle.shop.ShopProfile;
import dev.rekindle.store.CustomerStats;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Generates plausible orders in the days after a campaign's send. Each target or holdout member buys with a
 * base chance that falls with how long ago they last bought (an active customer is far likelier to come back
 * than a gone one); contacted customers' chance is multiplied by (1 + lift). Amounts follow the customer's
 * own average order. Each member draws from a random stream seeded by (seed, campaign, customer), so the
 * result does not depend on row order. Simulated orders are numbered {@code sim-c<campaign>-…}; running again
 * replaces them.
 */
@Service
public class OrdersAfterCampaign {

    /** What was generated. */
    public record Summary(long campaignId, SendTime sent, LocalDateTime until, int orders, long contacted,
            long contactedBuyers, long holdout, long holdoutBuyers, int replaced, double lift, long seed) {
    }

    /** Chance of buying within about a month without any contact, by lifecycle stage at the send. */
    private static double baseRate(Stage stage) {
        return switch (stage) {
            case ACTIVE -> 0.14;
            case SILENT -> 0.08;
            case SLEEPING -> 0.055;
            case LOST -> 0.04;
            case GONE -> 0.025;
            case NONE -> 0.03;
        };
    }
    private static final double DEFAULT_ORDER = 120;

    private final JdbcTemplate jdbc;
    private final Campaigns campaigns;
    private final CustomerStats stats;
    private final ShopProfile shop;

    public OrdersAfterCampaign(JdbcTemplate jdbc, Campaigns campaigns, CustomerStats stats, ShopProfile shop) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.stats = stats;
        this.shop = shop;
    }

    @Transactional
    public Summary simulate(long campaignId, int days, double lift, long seed) {
        CampaignFacts campaign = campaigns.find(campaignId);
        SendTime sent = campaigns.sendTime(campaign);
        String prefix = "sim-c" + campaignId + "-";
        Set<Long> touched = new LinkedHashSet<>(jdbc.queryForList(
                "SELECT DISTINCT customer_id FROM orders WHERE order_no LIKE ?", Long.class, prefix + "%"));
        int replaced = jdbc.update("DELETE FROM orders WHERE order_no LIKE ?", prefix + "%");

        List<Member> members = jdbc.query("""
                SELECT m.customer_id, m.status, b.last_purchase, b.orders, b.revenue,
                       (SELECT o2.category FROM orders o2 WHERE o2.customer_id = m.customer_id AND o2.created_at < ?
                        ORDER BY o2.created_at DESC LIMIT 1) AS category
                FROM campaign_members m
                LEFT JOIN (SELECT o.customer_id, max(o.created_at) AS last_purchase, count(*) AS orders, sum(o.amount) AS revenue
                           FROM orders o JOIN campaign_members mm ON mm.customer_id = o.customer_id AND mm.campaign_id = ?
                           WHERE o.status IN %s AND o.created_at < ?
                           GROUP BY o.customer_id) b ON b.customer_id = m.customer_id
                WHERE m.campaign_id = ? AND m.status IN ('target', 'holdout')
                ORDER BY m.customer_id""".formatted(CustomerStats.PURCHASE_STATUSES),
                (rs, n) -> new Member(rs.getLong("customer_id"), "target".equals(rs.getString("status")),
                        Timestamps.parse(rs.getString("last_purchase")), rs.getLong("orders"), rs.getDouble("revenue"),
                        rs.getString("category")),
                Timestamps.format(sent.at()), campaignId, Timestamps.format(sent.at()), campaignId);

        LocalDateTime now = shop.now();
        List<Object[]> rows = new ArrayList<>();
        long contacted = 0;
        long contactedBuyers = 0;
        long holdout = 0;
        long holdoutBuyers = 0;
        long windowSeconds = days * 86_400L;
        for (Member m : members) {
            SplittableRandom r = new SplittableRandom(mix(seed, campaignId, m.customerId()));
            Stage stage = StageThresholds.DEFAULT.stageOn(m.lastPurchase() == null ? null : m.lastPurchase().toLocalDate(),
                    sent.at().toLocalDate());
            double chance = baseRate(stage) * (m.contacted() ? 1 + lift : 1);
            boolean buys = r.nextDouble() < Math.min(0.95, chance);
            if (m.contacted()) contacted++;
            else holdout++;
            if (!buys) continue;
            if (m.contacted()) contactedBuyers++;
            else holdoutBuyers++;
            double usual = m.orders() > 0 ? m.revenue() / m.orders() : DEFAULT_ORDER;
            int count = r.nextInt(100) < 20 ? 2 : 1;
            long second = 1 + r.nextLong(windowSeconds - 1);
            for (int k = 1; k <= count; k++) {
                // the first order somewhere in the window, a second one later
                LocalDateTime at = sent.at().plusSeconds(k == 1 ? second : second + r.nextLong(Math.max(2, windowSeconds - second)))
                        .withNano(0);
                if (!at.isBefore(sent.at().plusSeconds(windowSeconds))) break;
                double amount = Math.max(9.9, Math.round(usual * Math.exp(r.nextGaussian() * 0.35) * 100) / 100.0);
                String status = at.isBefore(now.minusDays(7)) ? "completed" : "paid";
                rows.add(new Object[]{prefix + m.customerId() + "-" + k, m.customerId(), Timestamps.format(at),
                        Timestamps.format(at.plusMinutes(1 + r.nextInt(20))), amount, status, 1, m.category()});
            }
            touched.add(m.customerId());
        }
        jdbc.batchUpdate("""
                INSERT INTO orders(order_no, customer_id, created_at, paid_at, amount, status, item_count, category)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        stats.refresh(touched);
        return new Summary(campaignId, sent, sent.at().plusDays(days), rows.size(), contacted, contactedBuyers,
                holdout, holdoutBuyers, replaced, lift, seed);
    }

    private record Member(long customerId, boolean contacted, LocalDateTime lastPurchase, long orders, double revenue,
            String category) {
    }

    /** A seed for one customer's stream (SplitMix64 finaliser over the three numbers). */
    static long mix(long seed, long campaignId, long customerId) {
        long z = seed * 0x9E3779B97F4A7C15L + campaignId * 0xBF58476D1CE4E5B9L + customerId * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
