package dev.rekindle.guard;

import dev.rekindle.api.ContactKind;

/**
 * One question to the guard: may this campaign reach this recipient on this channel?
 *
 * @param consentChannel the channel whose consents apply: the standard channel of the contact kind
 *                       (a second SMS gateway honours the customer's "sms" decisions)
 */
public record GuardCheck(CampaignTerms campaign, Recipient recipient, String channel, ContactKind kind, String consentChannel,
        Moment moment) {

    /** When the guard is asked: planning (holdout is drawn then) or delivering a planned message. */
    public enum Moment { PLANNING, DELIVERY }
}
