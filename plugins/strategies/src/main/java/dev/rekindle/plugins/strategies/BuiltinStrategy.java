package dev.rekindle.plugins.strategies;

import dev.rekindle.api.CustomerView;
import dev.rekindle.api.DataNeed;
import dev.rekindle.api.Decision;
import dev.rekindle.api.Offer;
import dev.rekindle.api.Purpose;
import dev.rekindle.api.RfmSegment;
import dev.rekindle.api.Stage;
import dev.rekindle.api.Strategy;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What every built-in strategy shares: declared settings with defaults (read from
 * {@code <id>.<key>}, validated at configure time so a typo fails at start, not mid-plan), the channel
 * preference order ({@code <id>.channels}) and the offer by RFM segment ({@code <id>.offer.<segment>},
 * falling back to {@code <id>.offer.default}; a tier code or {@code none}).
 */
abstract class BuiltinStrategy implements Strategy {

    private final String id;
    private final String title;
    private final Purpose purpose;
    private final Map<String, String> defaults = new LinkedHashMap<>();
    private final Map<String, String> values = new LinkedHashMap<>();
    private final List<String> openPrefixes = new java.util.ArrayList<>(List.of("offer."));
    private OfferTiers tiers = OfferTiers.from(Map.of());
    private List<String> channels;
    private final Set<DataNeed> needs = EnumSet.noneOf(DataNeed.class);

    BuiltinStrategy(String id, String title, Purpose purpose, String channels, String defaultOffer) {
        this.id = id;
        this.title = title;
        this.purpose = purpose;
        declare("channels", channels);
        declare("offer.default", defaultOffer);
    }

    /** Declares a setting and its default; call from the constructor, then {@code configure(Map.of())}. */
    final void declare(String key, String defaultValue) {
        defaults.put(key, defaultValue);
    }

    /** Declares data the strategy cannot work without; call from the constructor. */
    final void needs(DataNeed... data) {
        needs.addAll(Arrays.asList(data));
    }

    @Override
    public final Set<DataNeed> needs() {
        return Set.copyOf(needs);
    }

    /** Allows keys under a prefix whose names the shop chooses (e.g. {@code dates.<holiday>}). */
    final void allowPrefix(String prefix) {
        openPrefixes.add(prefix);
    }

    /** The settings under a prefix, by the rest of their key. */
    final Map<String, String> prefixed(String prefix) {
        Map<String, String> m = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(prefix)) m.put(k.substring(prefix.length()), v);
        });
        return m;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String title() {
        return title;
    }

    @Override
    public final Purpose purpose() {
        return purpose;
    }

    @Override
    public final List<String> channels() {
        return channels;
    }

    @Override
    public final void configure(Map<String, String> settings) {
        values.clear();
        values.putAll(defaults);
        String prefix = id + ".";
        settings.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                String key = k.substring(prefix.length());
                if (!defaults.containsKey(key) && openPrefixes.stream().noneMatch(key::startsWith)) {
                    throw new IllegalArgumentException("unknown setting " + k + ". Settings of " + id + ": "
                            + String.join(", ", defaults.keySet()) + ", " + String.join(", ", openPrefixes.stream().map(x -> x + "…").toList()));
                }
                values.put(key, v.strip());
            }
        });
        tiers = OfferTiers.from(settings);
        channels = list("channels");
        if (channels.isEmpty()) {
            throw new IllegalArgumentException(id + ".channels must name at least one channel");
        }
        values.forEach((k, v) -> {
            if (k.startsWith("offer.")) {
                String segment = k.substring("offer.".length());
                if (!segment.equals("default")) RfmSegment.fromCode(segment);
                tiers.get(v); // fails early on an unknown tier
            }
        });
        configured();
    }

    /** Reads and checks the strategy's own settings after {@link #configure}. */
    abstract void configured();

    @Override
    public final Map<String, String> settings() {
        Map<String, String> shown = new TreeMap<>();
        values.forEach((k, v) -> shown.put(id + "." + k, v));
        return shown;
    }

    String get(String key) {
        return values.get(key);
    }

    int integer(String key, int min, int max) {
        String v = values.get(key);
        try {
            int n = Integer.parseInt(v.strip());
            if (n < min || n > max) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException(id + "." + key + " must be a whole number from " + min + " to " + max + ", got '" + v + "'");
        }
    }

    List<String> list(String key) {
        String v = values.getOrDefault(key, "");
        return Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    Set<Stage> stages(String key) {
        Set<Stage> s = EnumSet.noneOf(Stage.class);
        list(key).forEach(code -> s.add(Stage.fromCode(code)));
        return s;
    }

    Set<RfmSegment> segments(String key) {
        Set<RfmSegment> s = EnumSet.noneOf(RfmSegment.class);
        list(key).forEach(code -> s.add(RfmSegment.fromCode(code)));
        return s;
    }

    /** The offer for this customer's segment: {@code offer.<segment>}, else {@code offer.default}. */
    Offer offerFor(CustomerView c) {
        String tier = c.segment() == null ? null : values.get("offer." + c.segment().code());
        return tiers.get(tier != null ? tier : values.get("offer.default")).orElse(null);
    }

    /** The usual yes: this strategy's channel order and the offer for the customer's segment. */
    Decision yes(CustomerView c) {
        return Decision.contact(channels).withOffer(offerFor(c));
    }

    static String chineseDate(java.time.LocalDate d) {
        return d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }
}
