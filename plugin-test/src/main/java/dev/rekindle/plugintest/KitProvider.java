package dev.rekindle.plugintest;

import dev.rekindle.fakes.FakeServer;
import dev.rekindle.fakes.FaultPlan;
import dev.rekindle.fakes.WebhookFake;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The provider the channel under test talks to during the kit: a loopback fake that takes messages, counts
 * them by Rekindle's idempotency key, and meets scripted faults. The default is a {@link WebhookFake}; a
 * channel that speaks another protocol brings its own fake (e.g. the Aliyun SMS fake) through {@link #of}.
 */
public interface KitProvider extends AutoCloseable {

    /** Plugin settings that point the channel at this provider (the kit adds them to the host's settings). */
    Map<String, String> settings();

    /** Faults the next requests meet: HTTP_500, THROTTLING, TIMEOUT, DROP_AFTER_RECEIPT. */
    FaultPlan faults();

    /** Messages the provider took (they reached the customer), by idempotency key. */
    Map<String, Long> takenByKey();

    /** Requests received so far, faulty ones included. */
    long requests();

    /** How long a TIMEOUT fault holds a request before hanging up without taking it. */
    void timeoutHold(long millis);

    /** Every answer waits this long (the kill test slows the provider so that the kill lands mid-run). */
    void latency(long millis);

    /** Requests in which the provider could not tell which message they carried; 0 when it always can. */
    default long unidentified() {
        return 0;
    }

    @Override
    void close();

    /** A generic JSON webhook; {@code settings} gets the started fake, e.g. {@code fake -> Map.of("url", fake.url("/hook"))}. */
    static KitProvider webhook(WebhookFake fake, Function<WebhookFake, Map<String, String>> settings) {
        fake.start();
        Map<String, String> s = Map.copyOf(settings.apply(fake));
        return new Adapter(fake, s, fake::takenByKey) {
            @Override
            public long unidentified() {
                return fake.unidentified();
            }
        };
    }

    /**
     * Any fake built on the fakes module's {@link FakeServer}: started here.
     *
     * @param takenByKey what it took, by idempotency key (for the Aliyun fake: {@code fake::countsByOutId})
     */
    static KitProvider of(FakeServer fake, Function<FakeServer, Map<String, String>> settings, Supplier<Map<String, Long>> takenByKey) {
        fake.start();
        return new Adapter(fake, Map.copyOf(settings.apply(fake)), takenByKey);
    }

    /** {@link KitProvider} over a {@link FakeServer}. */
    class Adapter implements KitProvider {
        private final FakeServer fake;
        private final Map<String, String> settings;
        private final Supplier<Map<String, Long>> taken;

        Adapter(FakeServer fake, Map<String, String> settings, Supplier<Map<String, Long>> taken) {
            this.fake = fake;
            this.settings = settings;
            this.taken = taken;
        }

        @Override
        public Map<String, String> settings() {
            return settings;
        }

        @Override
        public FaultPlan faults() {
            return fake.faults();
        }

        @Override
        public Map<String, Long> takenByKey() {
            return taken.get();
        }

        @Override
        public long requests() {
            return fake.requests();
        }

        @Override
        public void timeoutHold(long millis) {
            fake.timeoutHold(millis);
        }

        @Override
        public void latency(long millis) {
            fake.latency(millis);
        }

        @Override
        public void close() {
            fake.close();
        }
    }
}
