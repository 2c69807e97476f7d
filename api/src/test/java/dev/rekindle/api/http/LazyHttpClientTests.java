package dev.rekindle.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LazyHttpClientTests {

    @Test
    void theClientIsBuiltOnFirstUseOnlyAndOnceForAllThreads() throws Exception {
        AtomicInteger builds = new AtomicInteger();
        LazyHttpClient lazy = LazyHttpClient.of(() -> {
            builds.incrementAndGet();
            return HttpClient.newHttpClient();
        });
        assertEquals(0, builds.get(), "a plugin that only starts must not build its client");

        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        HttpClient[] seen = new HttpClient[8];
        for (int i = 0; i < seen.length; i++) {
            int slot = i;
            Thread t = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                seen[slot] = lazy.get();
            });
            t.start();
            threads.add(t);
        }
        go.countDown();
        for (Thread t : threads) t.join();

        assertEquals(1, builds.get());
        for (HttpClient c : seen) assertSame(seen[0], c);
    }
}
