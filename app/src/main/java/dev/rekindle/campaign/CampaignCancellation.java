package dev.rekindle.campaign;

import dev.rekindle.delivery.DeliveryLedger;
import dev.rekindle.delivery.DeliveryState;
import dev.rekindle.guard.SkipReason;
import dev.rekindle.shop.ShopProfile;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cancels a campaign: its status first (a run sending it, in this process or another, stops at its next
 * heartbeat), then every target without a final ledger row gets a {@code cancelled} one, so that the
 * ledger accounts for every target and the occasion is free again for another campaign. Sent, failed,
 * skipped and unknown rows stay as they are.
 */
@Component
public class CampaignCancellation {

    /** What the cancel did. */
    public record Result(long cancelled, long sent, long unknown) {
    }

    private final CampaignRepository campaigns;
    private final DeliveryLedger ledger;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ShopProfile shop;

    public CampaignCancellation(CampaignRepository campaigns, DeliveryLedger ledger, JdbcClient jdbc, PlatformTransactionManager tm,
            ShopProfile shop) {
        this.campaigns = campaigns;
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(tm);
        this.shop = shop;
    }

    public Result cancel(Campaign c) {
        campaigns.setStatus(c.id(), CampaignStatus.CANCELLED);
        tx.executeWithoutResult(s -> {
            ledger.cancelOpen(c.id(), shop.now());
            // targets no run has read yet: a row each, with the key the send would have used (DeliveryRequest.key)
            jdbc.sql("""
                    INSERT INTO deliveries(idempotency_key, campaign_id, customer_id, channel, purpose, state, reason, detail,
                                           attempts, created_at, updated_at, occasion)
                    SELECT 'rk-c' || m.campaign_id || '-u' || m.customer_id || '-' || m.channel, m.campaign_id, m.customer_id,
                           m.channel, ?, 'cancelled', ?, 'the operator cancelled the campaign', 0, ?, ?, m.occasion
                      FROM campaign_members m
                     WHERE m.campaign_id = ? AND m.status = 'target'
                       AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.campaign_id = m.campaign_id AND d.customer_id = m.customer_id)""")
                    .params(c.purpose().name(), SkipReason.CANCELLED.code(), DeliveryLedger.time(shop.now()),
                            DeliveryLedger.time(shop.now()), c.id()).update();
        });
        Map<DeliveryState, Long> counts = ledger.counts(c.id());
        return new Result(counts.get(DeliveryState.CANCELLED), counts.get(DeliveryState.SENT), counts.get(DeliveryState.UNKNOWN));
    }
}
