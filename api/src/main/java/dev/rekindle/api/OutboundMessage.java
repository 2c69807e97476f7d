package dev.rekindle.api;

import java.util.Map;

/**
 * One rendered message for one recipient on one channel.
 *
 * @param idempotencyKey campaign + customer + channel; channels pass it to the provider's correlation
 *                       field (e.g. Aliyun OutId) so that a delivery can be traced and reconciled
 * @param campaignId     the campaign it belongs to (0 for a test message)
 * @param customerId     the shop's buyer id
 * @param recipient      full address (phone number, email, WeChat id, group name); never log it unmasked
 * @param subject        subject line (email), null elsewhere
 * @param text           plain text body
 * @param html           HTML body (email), null elsewhere
 * @param purpose        care or marketing
 * @param params         template parameters for providers that render on their side (SMS template codes)
 */
public record OutboundMessage(
        String idempotencyKey,
        long campaignId,
        String customerId,
        String recipient,
        String subject,
        String text,
        String html,
        Purpose purpose,
        Map<String, String> params) {

    public OutboundMessage {
        if (idempotencyKey == null || idempotencyKey.isBlank()) throw new IllegalArgumentException("idempotencyKey is required");
        if (recipient == null || recipient.isBlank()) throw new IllegalArgumentException("recipient is required");
        params = params == null ? Map.of() : Map.copyOf(params);
    }
}
