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
import java.util.Map;
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

    private static OutboundMessage message(String key, String group, String text) {
        return new OutboundMessage(key, 1, "c1", group, null, text, null, Purpose.MARKETING, Map.of());
    }
}
