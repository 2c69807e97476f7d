package dev.rekindle.campaign;

import dev.rekindle.api.ContactKind;
import dev.rekindle.api.Offer;
import dev.rekindle.api.OutboundMessage;
import dev.rekindle.api.Purpose;
import dev.rekindle.guard.SkipReason;
import dev.rekindle.template.Rendered;
import java.util.HashMap;
import java.util.Map;

/** What the message stream yields for one targeted campaign member: a rendered message, or why not. */
public sealed interface PlannedMessage {

    long customerId();

    String buyerId();

    String channel();

    /**
     * A message ready for its channel. {@code recipient} is the full address: hand it to the channel only;
     * show {@code maskedRecipient}.
     *
     * @param rendered  the texts and the template file used
     * @param facts     the values the strategy gave the template (the offer's title is added for providers)
     * @param smsParts  SMS parts for mobile channels, 0 elsewhere
     */
    record Message(long customerId, String buyerId, String channel, ContactKind kind, long campaignId, Purpose purpose,
            String recipient, Rendered rendered, Map<String, String> facts, String maskedRecipient, String strategy, Offer offer,
            int smsParts) implements PlannedMessage {

        public String subject() {
            return rendered.subject();
        }

        public String text() {
            return rendered.text();
        }

        public String template() {
            return rendered.template();
        }

        /**
         * What the channel is handed. Built on demand: a dry run of a million messages needs none of it
         * (the idempotency key alone is a string per message).
         */
        public OutboundMessage message() {
            Map<String, String> params = facts;
            if (offer != null) {
                params = new HashMap<>(facts);
                params.put("offer", offer.title());
            }
            return new OutboundMessage(CampaignMessages.idempotencyKey(campaignId, customerId, channel), campaignId, buyerId,
                    recipient, rendered.subject(), rendered.text(), rendered.html(), purpose, params);
        }
    }

    /** A planned target the guard now refuses (opted out since planning, data erased…). */
    record Skip(long customerId, String buyerId, String channel, SkipReason reason) implements PlannedMessage {
    }
}
