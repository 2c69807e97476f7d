package dev.rekindle.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strategy's "yes" for one customer: the channels it would use, best first (the host takes the first
 * one the customer can be reached on, with consent), the offer if any, and facts for the template
 * (e.g. {@code category → 美妆护肤}, {@code days_left → 7}). Values are text, as templates show them.
 */
public record Decision(List<String> channels, Offer offer, Map<String, String> facts) {

    public Decision {
        if (channels == null || channels.isEmpty()) throw new IllegalArgumentException("at least one channel is required");
        channels = List.copyOf(channels);
        facts = facts == null ? Map.of() : Map.copyOf(facts);
    }

    public static Decision contact(List<String> channels) {
        return new Decision(channels, null, Map.of());
    }

    public Decision withOffer(Offer o) {
        return new Decision(channels, o, facts);
    }

    public Decision withFact(String key, String value) {
        Map<String, String> f = new LinkedHashMap<>(facts);
        f.put(key, value);
        return new Decision(channels, offer, f);
    }
}
