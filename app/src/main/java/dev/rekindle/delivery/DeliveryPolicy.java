package dev.rekindle.delivery;

import dev.rekindle.guard.FrequencyCap;
import dev.rekindle.guard.QuietHours;
import dev.rekindle.api.ContactKind;
import dev.rekindle.api.Purpose;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rules of sending, from {@code rekindle.delivery.*} ({@link DeliveryProperties}; each key is described
 * in the shipped application.yml).
 *
 * @param consentChannels  channel id → the consent channel it answers to (default by contact kind:
 *                         mobile → sms, email → email, WeChat → wechat)
 * @param marketingConsent consent channel → {@code required} (marketing needs a recorded grant, the
 *                         default) or {@code unless-refused}
 */
public record DeliveryPolicy(
        int concurrency,
        Map<String, String> rates,
        int maxAttempts,
        Duration retryBase,
        Duration retryMax,
        int haltAfterFailures,
        QuietHours quietHours,
        List<FrequencyCap> marketingCaps,
        List<FrequencyCap> careCaps,
        Map<String, String> consentChannels,
        Map<String, String> marketingConsent,
        int giveUpAfter,
        Duration reconcileMinAge,
        Duration leaseStale) {

    public static final String PREFIX = "rekindle.delivery";

    /**
     * For tests that build a delivery engine by hand: the shipped values. The app itself reads its defaults
     * from application.yml only ({@link #from(DeliveryProperties)}).
     */
    public static DeliveryPolicy defaults() {
        return new DeliveryPolicy(8, Map.of(), 5, Duration.ofMillis(500), Duration.ofSeconds(30), 10,
                QuietHours.parse("21:00-08:00"), FrequencyCap.parseList("1/7d,4/30d"), FrequencyCap.parseList("2/7d,6/30d"),
                Map.of(), Map.of(), 3, Duration.ofMinutes(2), Duration.ofSeconds(30));
    }

    /** The policy from the settings; a quiet-hours or caps text that does not parse names its key. */
    public static DeliveryPolicy from(DeliveryProperties p) {
        return new DeliveryPolicy(p.concurrency(), p.rate(), p.retry().maxAttempts(), p.retry().baseMs(), p.retry().maxMs(),
                p.haltAfterFailures(), parsed("quiet-hours", p.quietHours(), QuietHours::parse),
                parsed("caps.marketing", p.caps().marketing(), FrequencyCap::parseList),
                parsed("caps.care", p.caps().care(), FrequencyCap::parseList),
                p.consentChannel(), p.marketingConsent(), p.giveUpAfter(), p.reconcile().minAgeSeconds(), p.leaseStaleSeconds());
    }

    private static <T> T parsed(String key, String value, java.util.function.Function<String, T> parse) {
        try {
            return parse.apply(value);
        } catch (RuntimeException e) { // IllegalArgumentException, DateTimeParseException
            throw new dev.rekindle.console.UserException(dev.rekindle.i18n.Tr.f("%s = '%s': %s", PREFIX + "." + key, value, e.getMessage()), e);
        }
    }

    public DeliveryPolicy {
        if (concurrency < 1) throw new IllegalArgumentException(PREFIX + ".concurrency must be at least 1");
        if (maxAttempts < 1) throw new IllegalArgumentException(PREFIX + ".retry.max-attempts must be at least 1");
        rates = Map.copyOf(rates);
        consentChannels = Map.copyOf(consentChannels);
        marketingConsent = Map.copyOf(marketingConsent);
        marketingCaps = List.copyOf(marketingCaps);
        careCaps = List.copyOf(careCaps);
    }

    /** The guard's part of these settings: the same rules judge at planning, dry run and send. */
    public dev.rekindle.guard.GuardPolicy guardPolicy() {
        return new dev.rekindle.guard.GuardPolicy(consentChannels, marketingConsent, marketingCaps, careCaps, giveUpAfter, quietHours);
    }

    public List<FrequencyCap> caps(Purpose purpose) {
        return purpose == Purpose.MARKETING ? marketingCaps : careCaps;
    }

    /** The operator's rate for a channel, or the channel's own default. */
    public RateSpec rateFor(String channelId, double channelDefaultPerSecond) {
        String spec = rates.get(channelId);
        return spec != null ? RateSpec.parse(spec) : RateSpec.perSecond(channelDefaultPerSecond);
    }

    public DeliveryPolicy withQuietHours(QuietHours q) {
        return new DeliveryPolicy(concurrency, rates, maxAttempts, retryBase, retryMax, haltAfterFailures, q, marketingCaps,
                careCaps, consentChannels, marketingConsent, giveUpAfter, reconcileMinAge, leaseStale);
    }

    public DeliveryPolicy withRetry(int attempts, Duration base, Duration max) {
        return new DeliveryPolicy(concurrency, rates, attempts, base, max, haltAfterFailures, quietHours, marketingCaps,
                careCaps, consentChannels, marketingConsent, giveUpAfter, reconcileMinAge, leaseStale);
    }

    public DeliveryPolicy withConcurrency(int n) {
        return new DeliveryPolicy(n, rates, maxAttempts, retryBase, retryMax, haltAfterFailures, quietHours, marketingCaps,
                careCaps, consentChannels, marketingConsent, giveUpAfter, reconcileMinAge, leaseStale);
    }

    public DeliveryPolicy withRate(String channelId, String spec) {
        Map<String, String> r = new TreeMap<>(rates);
        r.put(channelId, spec);
        return new DeliveryPolicy(concurrency, r, maxAttempts, retryBase, retryMax, haltAfterFailures, quietHours, marketingCaps,
                careCaps, consentChannels, marketingConsent, giveUpAfter, reconcileMinAge, leaseStale);
    }

    public DeliveryPolicy withGiveUpAfter(int n) {
        return new DeliveryPolicy(concurrency, rates, maxAttempts, retryBase, retryMax, haltAfterFailures, quietHours, marketingCaps,
                careCaps, consentChannels, marketingConsent, n, reconcileMinAge, leaseStale);
    }

    public DeliveryPolicy withCaps(String marketing, String care) {
        return new DeliveryPolicy(concurrency, rates, maxAttempts, retryBase, retryMax, haltAfterFailures, quietHours,
                FrequencyCap.parseList(marketing), FrequencyCap.parseList(care), consentChannels, marketingConsent, giveUpAfter,
                reconcileMinAge, leaseStale);
    }

    public DeliveryPolicy withReconcileMinAge(Duration d) {
        return new DeliveryPolicy(concurrency, rates, maxAttempts, retryBase, retryMax, haltAfterFailures, quietHours, marketingCaps,
                careCaps, consentChannels, marketingConsent, giveUpAfter, d, leaseStale);
    }

    public DeliveryPolicy withHaltAfterFailures(int n) {
        return new DeliveryPolicy(concurrency, rates, maxAttempts, retryBase, retryMax, n, quietHours, marketingCaps,
                careCaps, consentChannels, marketingConsent, giveUpAfter, reconcileMinAge, leaseStale);
    }
}
