package dev.rekindle.plugins.taobaogroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rekindle.api.DeliveryResult;
import dev.rekindle.api.OutboundMessage;
import dev.rekindle.api.Purpose;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaobaoGroupChannelTests {

    @TempDir
    Path dir;

    @Test
    void shouldAppendPasteReadyMessagesToOneFilePerGroupAndDay() throws Exception {
        TaobaoGroupChannel channel = new TaobaoGroupChannel();
        channel.configure(Map.of("out-dir", dir.toString()));

        DeliveryResult first = channel.deliver(message("k1", "老客福利群 1", "亲，双11老客专享价已开启～"));
        DeliveryResult second = channel.deliver(message("k2", "老客福利群 1", "今晚8点准时开抢"));

        assertEquals(DeliveryResult.Outcome.ACCEPTED, first.outcome());
        assertEquals(DeliveryResult.Outcome.ACCEPTED, second.outcome());
        Path file = dir.resolve(LocalDate.now().toString()).resolve("老客福利群_1.txt");
        String content = Files.readString(file, StandardCharsets.UTF_8);
        assertEquals("亲，双11老客专享价已开启～" + TaobaoGroupChannel.SEPARATOR + "今晚8点准时开抢"
                + TaobaoGroupChannel.SEPARATOR, content);
    }

    @Test
    void shouldRefuseAnEmptyMessagePermanently() {
        TaobaoGroupChannel channel = new TaobaoGroupChannel();
        channel.configure(Map.of("out-dir", dir.toString()));

        DeliveryResult r = channel.deliver(message("k3", "群", "  "));

        assertEquals(DeliveryResult.Outcome.PERMANENT, r.outcome());
        assertTrue(dir.toFile().list().length == 0, "no file written");
    }

    @Test
    void shouldDefaultToTheHostDataFolder() {
        TaobaoGroupChannel channel = new TaobaoGroupChannel();
        channel.configure(Map.of("host.data-dir", dir.toString()));

        assertEquals(dir.resolve("outbox").resolve("taobao-group"), channel.outDir());
    }

    @Test
    void aMessageDeliveredAgainIsWrittenOnce() throws Exception {
        TaobaoGroupChannel channel = new TaobaoGroupChannel();
        channel.configure(Map.of("out-dir", dir.toString()));

        channel.deliver(message("k1", "老客福利群", "今晚8点"));
        channel.deliver(message("k1", "老客福利群", "今晚8点"));

        String content = Files.readString(dir.resolve(LocalDate.now().toString()).resolve("老客福利群.txt"), StandardCharsets.UTF_8);
        assertEquals("今晚8点" + TaobaoGroupChannel.SEPARATOR, content);
    }

    @Test
    void theOptionalWebhookGetsTheMessageAndItsAnswerIsTheOutcome() throws Exception {
        List<String> bodies = new CopyOnWriteArrayList<>();
        List<String> auth = new CopyOnWriteArrayList<>();
        int[] status = {200};
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", ex -> {
            bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            auth.add(ex.getRequestHeaders().getFirst("Authorization"));
            ex.sendResponseHeaders(status[0], -1);
            ex.close();
        });
        server.start();
        try {
            TaobaoGroupChannel channel = new TaobaoGroupChannel();
            channel.configure(Map.of("out-dir", dir.toString(), "webhook-url", "http://127.0.0.1:" + server.getAddress().getPort() + "/hook",
                    "webhook-token", "t0ken"));

            DeliveryResult ok = channel.deliver(message("k1", "老客福利群", "亲，\"双11\"开抢"));
            status[0] = 503;
            DeliveryResult busy = channel.deliver(message("k2", "老客福利群", "x"));
            status[0] = 400;
            DeliveryResult refused = channel.deliver(message("k3", "老客福利群", "y"));

            assertEquals(DeliveryResult.Outcome.ACCEPTED, ok.outcome());
            assertEquals(DeliveryResult.Outcome.TRANSIENT, busy.outcome());
            assertEquals(DeliveryResult.Outcome.PERMANENT, refused.outcome());
            assertEquals("{\"group\":\"老客福利群\",\"text\":\"亲，\\\"双11\\\"开抢\",\"key\":\"k1\",\"campaign\":1}", bodies.get(0));
            assertEquals("Bearer t0ken", auth.get(0));
        } finally {
            server.stop(0);
        }
    }

    private static OutboundMessage message(String key, String group, String text) {
        return new OutboundMessage(key, 1, "c1", group, null, text, null, Purpose.MARKETING, Map.of());
    }
}
