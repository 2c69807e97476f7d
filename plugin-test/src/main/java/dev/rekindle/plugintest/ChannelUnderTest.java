package dev.rekindle.plugintest;

import dev.rekindle.fakes.WebhookFake;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * What the kit needs to know about a channel plugin: its jar, its channel id, and how to point it at a
 * loopback provider.
 *
 * <pre>
 * ChannelUnderTest.channel("dingtalk")
 *         .webhook(fake -&gt; Map.of("url", fake.url("/hook")))   // settings that point it at the kit's webhook fake
 *         .answer(200, "{\"errcode\":0}");                      // what the fake answers a message it takes
 * </pre>
 */
public final class ChannelUnderTest {

    private final String channelId;
    private Path jar;
    private Supplier<KitProvider> provider;
    private Function<WebhookFake, Map<String, String>> webhookSettings;
    private int answerStatus = 200;
    private String answerBody = "{\"ok\":true}";
    private final Map<String, String> settings = new LinkedHashMap<>();
    private IntFunction<String> recipients;
    private int messages = 12;

    private ChannelUnderTest(String channelId) {
        this.channelId = channelId;
    }

    /** The channel with this id ({@code Channel.id()}), from the one plugin jar in {@code target/}. */
    public static ChannelUnderTest channel(String channelId) {
        return new ChannelUnderTest(channelId);
    }

    /** The plugin jar (default: the one {@code target/*.jar} that is not a shade plugin's {@code original-}). */
    public ChannelUnderTest jar(Path jar) {
        this.jar = jar;
        return this;
    }

    /** The channel posts to a JSON webhook: these settings point it at the kit's {@link WebhookFake}. */
    public ChannelUnderTest webhook(Function<WebhookFake, Map<String, String>> settings) {
        this.webhookSettings = settings;
        return this;
    }

    /** What the webhook fake answers a message it takes (default 200 and {@code {"ok":true}}). */
    public ChannelUnderTest answer(int status, String body) {
        this.answerStatus = status;
        this.answerBody = body;
        return this;
    }

    /** The channel speaks another protocol: a fake of its provider, started by the kit and closed after. */
    public ChannelUnderTest provider(Supplier<KitProvider> provider) {
        this.provider = provider;
        return this;
    }

    /** Another plugin setting (not pointing at the provider), as {@code rekindle.plugins.<plugin-id>.<name>}. */
    public ChannelUnderTest setting(String name, String value) {
        settings.put(name, value);
        return this;
    }

    /**
     * Addresses of the made-up customers 1..n when the kit's own ones do not suit the channel (a group channel
     * that only knows configured groups). Distinct addresses: a group post's key is made from its address.
     */
    public ChannelUnderTest recipients(IntFunction<String> recipients) {
        this.recipients = recipients;
        return this;
    }

    /** Messages per campaign in the send and fault tests (default 12; the kill test sends five times as many). */
    public ChannelUnderTest messages(int n) {
        if (n < 8) throw new IllegalArgumentException("the kit needs at least 8 messages a campaign to inject its faults");
        this.messages = n;
        return this;
    }

    String channelId() {
        return channelId;
    }

    Map<String, String> settings() {
        return Map.copyOf(settings);
    }

    IntFunction<String> recipients() {
        return recipients;
    }

    int messages() {
        return messages;
    }

    KitProvider startProvider() {
        if (provider != null) return provider.get();
        if (webhookSettings == null) {
            throw new IllegalStateException("say how the channel reaches its provider: .webhook(fake -> Map.of(\"url\", fake.url(\"/hook\"))) "
                    + "for a JSON webhook, or .provider(() -> KitProvider.of(...)) with a fake of your own");
        }
        return KitProvider.webhook(new WebhookFake(0).answer(answerStatus, answerBody), webhookSettings);
    }

    Path jar() {
        if (jar != null) {
            if (!Files.isRegularFile(jar)) throw new IllegalStateException("no plugin jar at " + jar.toAbsolutePath());
            return jar;
        }
        return findJar(Path.of("target"));
    }

    /** The plugin jar Maven built: the kit runs after {@code package} (as an integration test: mvn verify). */
    static Path findJar(Path target) {
        List<Path> jars;
        try (Stream<Path> files = Files.list(target)) {
            jars = files.filter(p -> {
                String n = p.getFileName().toString();
                return n.endsWith(".jar") && !n.startsWith("original-") && !n.endsWith("-sources.jar") && !n.endsWith("-tests.jar")
                        && !n.endsWith("-javadoc.jar");
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("no " + target.toAbsolutePath() + " folder: build the plugin jar first (mvn verify runs the kit "
                    + "after package)", e);
        }
        if (jars.size() != 1) {
            throw new IllegalStateException("expected one plugin jar in " + target.toAbsolutePath() + ", found " + jars
                    + ": name it with .jar(Path.of(\"target/…jar\")), or build it first (mvn verify runs the kit after package)");
        }
        return jars.get(0);
    }
}
