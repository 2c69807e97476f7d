package dev.rekindle.channel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekindle.api.OutboundMessage;
import dev.rekindle.api.Purpose;
import dev.rekindle.shop.ShopProfile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileChannelTests {

    @TempDir
    Path dataDir;

    @Test
    void shouldWriteTheShopsTimeWithItsOffset() throws Exception {
        // the server runs in UTC, the shop in Shanghai: 10:49 UTC is 18:49 in the shop
        Clock utc = Clock.fixed(Instant.parse("2026-12-07T10:49:00Z"), ZoneOffset.UTC);
        ShopProfile shop = new ShopProfile("暖心小铺", "【暖心小铺】", ZoneId.of("Asia/Shanghai"), utc);
        FileChannel channel = new FileChannel(dataDir, shop);

        channel.deliver(new OutboundMessage("c1|tb1|file", 1, "tb1", "13812345678", null, "您好", null, Purpose.CARE, null));

        String line = Files.readString(dataDir.resolve("outbox/file-channel.jsonl"), StandardCharsets.UTF_8);
        assertThat(line).contains("\"at\":\"2026-12-07T18:49:00+08:00\"");
        assertThat(line).contains("138****5678").doesNotContain("13812345678");
    }
}
