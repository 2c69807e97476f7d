package dev.rekindle.api.http;

import java.net.http.HttpClient;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * An {@link HttpClient} built when a channel first sends, not when the plugin starts. Most commands start every
 * plugin but send nothing ({@code status}, {@code channels list}, a dry run): a client made at start costs them
 * its TLS set-up (the JDK reads its CA certificates) and a selector thread, and the JVM then waits up to 300 ms
 * at exit for that thread, which sits in native code. One instance per configuration; safe across threads.
 *
 * <pre>{@code
 * private final LazyHttpClient http = LazyHttpClient.of(() -> HttpClient.newBuilder()
 *         .connectTimeout(Duration.ofSeconds(3)).build());
 * …
 * return Webhooks.send(http.get(), request, "the DingTalk robot");
 * }</pre>
 */
public final class LazyHttpClient implements Supplier<HttpClient> {

    private final Supplier<HttpClient> build;
    private volatile HttpClient client;

    private LazyHttpClient(Supplier<HttpClient> build) {
        this.build = Objects.requireNonNull(build, "build");
    }

    /** {@code build} runs once, on the first {@link #get()}. */
    public static LazyHttpClient of(Supplier<HttpClient> build) {
        return new LazyHttpClient(build);
    }

    @Override
    public HttpClient get() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    c = Objects.requireNonNull(build.get(), "the builder returned no client");
                    client = c;
                }
            }
        }
        return c;
    }
}
