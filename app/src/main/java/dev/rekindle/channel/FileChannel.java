package dev.rekindle.channel;

import dev.rekindle.api.Channel;
import dev.rekindle.api.ChannelTraits;
import dev.rekindle.api.ContactKind;
import dev.rekindle.api.DeliveryResult;
import dev.rekindle.api.OutboundMessage;
import dev.rekindle.shop.ShopProfile;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The host's own channel: appends each message as a JSON line to a file, so that Rekindle works end to
 * end with no plugin installed. The recipient is written masked; the file is a record, not a gateway.
 * Settings: {@code rekindle.plugins.builtin.file.path}, {@code rekindle.plugins.builtin.file.contact}
 * (mobile, email, wechat; default mobile). Each line's {@code at} is the shop's time with its offset
 * ({@code 2026-12-07T18:49:00+08:00}): a bare local time would be read in whatever zone the reader is in.
 */
@Component
class FileChannel implements Channel {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ShopProfile shop;
    private Path path;
    private ContactKind contact = ContactKind.MOBILE;

    @org.springframework.beans.factory.annotation.Autowired
    FileChannel(dev.rekindle.store.StoreProperties store, ShopProfile shop) {
        this(store.dataDir(), shop);
    }

    FileChannel(Path dataDir, ShopProfile shop) {
        this.path = dataDir.resolve("outbox").resolve("file-channel.jsonl");
        this.shop = shop;
    }

    @Override
    public String id() {
        return "file";
    }

    @Override
    public String title() {
        return "Appends messages to a local file (built in; for trying Rekindle without a gateway)";
    }

    @Override
    public ChannelTraits traits() {
        return ChannelTraits.simple(contact);
    }

    @Override
    public void configure(Map<String, String> settings) {
        if (settings.containsKey("file.path")) {
            path = Path.of(settings.get("file.path"));
        }
        if (settings.containsKey("file.contact")) {
            contact = ContactKind.of(settings.get("file.contact").trim().toLowerCase(java.util.Locale.ROOT));
        }
    }

    public Path path() {
        return path;
    }

    @Override
    public synchronized DeliveryResult deliver(OutboundMessage m) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("at", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.now(shop.clock()).withNano(0)));
        line.put("key", m.idempotencyKey());
        line.put("campaign", m.campaignId());
        line.put("customer", m.customerId());
        line.put("to", Addresses.mask(contact, m.recipient()));
        line.put("purpose", m.purpose() == null ? null : m.purpose().name());
        if (m.subject() != null) line.put("subject", m.subject());
        line.put("text", m.text());
        try {
            Files.createDirectories(path.getParent());
            try (Writer w = Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND)) {
                w.write(JSON.writeValueAsString(line));
                w.write('\n');
            }
            return DeliveryResult.accepted("file:" + m.idempotencyKey());
        } catch (IOException e) {
            return DeliveryResult.transientFailure("io", "cannot write " + path + ": " + e.getMessage(), null);
        }
    }
}
