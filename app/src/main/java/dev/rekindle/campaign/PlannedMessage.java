package dev.rekindle.campaign;

import dev.rekindle.api.ContactKind;
import dev.rekindle.api.Offer;
import dev.rekindle.api.OutboundMessage;
import dev.rekindle.guard.SkipReason;

/** What the message stream yields for one targeted campaign member: a rendered message, or why not. */
public sealed interface PlannedMessage {

    long customerId();

    String buyerId();

    String channel();

    /**
     * A message ready for its channel. {@code message.recipient()} is the full address: hand it to the
     * channel only; show {@code maskedRecipient}.
     *
     * @param template  the template file used
     * @param smsParts  SMS parts for mobile channels, 0 elsewhere
     */
    record Message(long customerId, String buyerId, String channel, ContactKind kind, OutboundMessage message,
            String maskedRecipient, String strategy, Offer offer, String template, int smsParts) implements PlannedMessage {
    }

    /** A planned target the guard now refuses (opted out since planning, data erased…). */
    record Skip(long customerId, String buyerId, String channel, SkipReason reason) implements PlannedMessage {
    }
}
