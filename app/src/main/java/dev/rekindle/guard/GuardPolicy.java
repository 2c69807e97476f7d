package dev.rekindle.guard;

import dev.rekindle.api.ContactKind;
import dev.rekindle.api.Purpose;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The guard's settings, one namespace ({@code rekindle.delivery.*}, bound by the delivery feature's policy),
 * the same at planning, dry run and send.
 *
 * @param consentChannels  channel id → the consent channel it answers to (default by contact kind)
 * @param marketingConsent consent channel → {@code required} (default) or {@code unless-refused}
 * @param giveUpAfter      marketing messages without an order in between after which we stop; 0 = never
 */
public record GuardPolicy(Map<String, String> consentChannels, Map<String, String> marketingConsent,
        List<FrequencyCap> marketingCaps, List<FrequencyCap> careCaps, int giveUpAfter, QuietHours quietHours) {

    public GuardPolicy {
        consentChannels = Map.copyOf(consentChannels);
        marketingConsent = Map.copyOf(marketingConsent);
        marketingCaps = List.copyOf(marketingCaps);
        careCaps = List.copyOf(careCaps);
    }

    public static GuardPolicy defaults() {
        return new GuardPolicy(Map.of(), Map.of(), FrequencyCap.parseList("1/7d,4/30d"), FrequencyCap.parseList("2/7d,6/30d"), 3,
                QuietHours.parse("21:00-08:00"));
    }

    public List<FrequencyCap> caps(Purpose purpose) {
        return purpose == Purpose.MARKETING ? marketingCaps : careCaps;
    }

    /** The longest cap window of a purpose in days, 0 without caps. */
    public int widestCapDays(Purpose purpose) {
        return caps(purpose).stream().mapToInt(FrequencyCap::days).max().orElse(0);
    }

    /**
     * The consent channel a delivery channel answers to; null for group posts (no person to ask). A channel
     * of a kind without a standard channel (a plugin's {@code line}) answers to its own id.
     */
    public String consentChannel(String channelId, ContactKind contact) {
        String explicit = consentChannels.get(channelId);
        if (explicit != null) return explicit;
        if (ContactKind.GROUP.equals(contact)) return null;
        String standard = StandardChannels.standardFor(contact);
        return standard != null ? standard : channelId;
    }

    public boolean marketingNeedsGrant(String consentChannel) {
        String v = marketingConsent.getOrDefault(consentChannel, "required").trim().toLowerCase(Locale.ROOT);
        return !v.equals("unless-refused");
    }
}
