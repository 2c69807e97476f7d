package dev.rekindle.delivery;

import dev.rekindle.api.OutboundMessage;
import dev.rekindle.api.Purpose;
import dev.rekindle.guard.SkipReason;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * One rendered message to deliver: what a campaign hands to the delivery engine. The engine decides
 * (guards), records (ledger) and sends (channel); the planner only has to produce these, in any order,
 * the same ones again on resume.
 *
 * @param campaignId the campaign (any positive number the caller owns)
 * @param customerId the customer's internal id ({@code customers.id}); 0 for a post to a group
 * @param buyerId    the shop's buyer id, handed to the channel as {@link OutboundMessage#customerId()}
 * @param channel    channel id, e.g. {@code sms}
 * @param recipient  full address (mobile, email, openid, group); null or blank when the customer has none
 * @param holdout    true when the customer is in the campaign's holdout group (recorded, never sent)
 * @param occasion   what the message is for ({@code <strategy>|<key>}): one message per customer and occasion
 *                   across campaigns; null when the sender has no such rule (synthetic messages)
 * @param presetSkip set when the campaign already knows the message must not go (its re-check before
 *                   rendering said no): the ledger records the skip with this reason, so every target has a row
 */
public record DeliveryRequest(long campaignId, long customerId, String buyerId, String channel, String recipient,
        String subject, String text, String html, Purpose purpose, Map<String, String> params, boolean holdout,
        String occasion, SkipReason presetSkip) {

    public DeliveryRequest(long campaignId, long customerId, String buyerId, String channel, String recipient, String subject,
            String text, String html, Purpose purpose, Map<String, String> params, boolean holdout) {
        this(campaignId, customerId, buyerId, channel, recipient, subject, text, html, purpose, params, holdout, null, null);
    }

    public DeliveryRequest {
        if (campaignId <= 0) throw new IllegalArgumentException("campaignId must be positive");
        if (channel == null || channel.isBlank()) throw new IllegalArgumentException("channel is required");
        if (purpose == null) throw new IllegalArgumentException("purpose is required");
        params = params == null ? Map.of() : Map.copyOf(params);
    }

    /**
     * The idempotency key: campaign + customer + channel (for a group post, a digest of the group's
     * name stands for the customer). Stable across runs; it travels to the provider (e.g. Aliyun OutId),
     * so it carries no personal data.
     */
    public String key() {
        String who = customerId > 0 ? "u" + customerId : "g" + digest(recipient == null ? "" : recipient);
        return "rk-c" + campaignId + "-" + who + "-" + channel;
    }

    public boolean isGroupPost() {
        return customerId <= 0;
    }

    public boolean hasRecipient() {
        return recipient != null && !recipient.isBlank();
    }

    OutboundMessage toMessage() {
        return new OutboundMessage(key(), campaignId, buyerId, recipient, subject, text, html, purpose, params);
    }

    private static String digest(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
