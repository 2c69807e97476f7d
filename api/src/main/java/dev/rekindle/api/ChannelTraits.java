package dev.rekindle.api;

/**
 * What the host needs to know about a channel before it sends anything.
 *
 * @param contact            the contact data the channel needs (mobile for SMS, email for email…)
 * @param maxChars           longest text in characters the channel accepts, 0 = no limit
 * @param maxBytes           longest text in UTF-8 bytes the channel accepts, 0 = no limit
 * @param batchSize          how many recipients one provider call can carry (1 = no batching)
 * @param defaultRatePerSecond messages per second when the operator sets no limit (0 = unlimited)
 * @param canQueryStatus     whether {@link Channel#queryStatus} can resolve an ambiguous delivery
 * @param marketingAllowed   false for channels that must never carry marketing (e.g. service notices)
 */
public record ChannelTraits(
        ContactKind contact,
        int maxChars,
        int maxBytes,
        int batchSize,
        double defaultRatePerSecond,
        boolean canQueryStatus,
        boolean marketingAllowed) {

    public ChannelTraits {
        if (contact == null) throw new IllegalArgumentException("contact kind is required");
        if (maxChars < 0 || maxBytes < 0) throw new IllegalArgumentException("limits must be >= 0");
        if (batchSize < 1) throw new IllegalArgumentException("batchSize must be >= 1");
    }

    /** Traits of a simple one-at-a-time channel with no limits. */
    public static ChannelTraits simple(ContactKind contact) {
        return new ChannelTraits(contact, 0, 0, 1, 0, false, true);
    }
}
