package dev.rekindle.plugins.taobaogroup;

import dev.rekindle.api.Channel;
import dev.rekindle.api.ChannelTraits;
import dev.rekindle.api.ContactKind;
import dev.rekindle.api.DeliveryResult;
import dev.rekindle.api.OutboundMessage;
import dev.rekindle.api.Setting;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * Taobao groups (淘宝群) have no public posting API for sellers, so this channel writes one paste-ready
 * text file per group and day: the operator opens it and pastes the messages into the group. A message
 * is written once even when it is delivered again (its key is remembered next to the file).
 *
 * <p>Optionally it also posts each message to a webhook, for tools that automate the group: then the
 * webhook's answer is the outcome (2xx accepted, 5xx/429 or no connection transient, other 4xx
 * permanent, no answer after posting unknown). The body is
 * {@code {"group":…,"text":…,"key":…,"campaign":…}}.
 *
 * <p>Settings ({@code rekindle.plugins.channel-taobao-group.*}): {@code out-dir} — where the files go
 * (default: {@code <data folder>/outbox/taobao-group}); {@code webhook-url}; {@code webhook-token}
 * (sent as {@code Authorization: Bearer …}); {@code timeout-ms}.
 */
@Extension
public class TaobaoGroupChannel implements Channel {

    static final String SEPARATOR = "\n----------\n";

    private Path outDir = Path.of("outbox", "taobao-group");
    private Webhook webhook;

    @Override
    public String id() {
        return "taobao-group";
    }

    @Override
    public String title() {
        return "Taobao group: paste-ready message files per group and day";
    }

    @Override
    public ChannelTraits traits() {
        // Group posts are read by people scrolling a chat: keep them short.
        return new ChannelTraits(ContactKind.GROUP, 500, 0, 1, 0, false, true);
    }

    @Override
    public List<Setting> declaredSettings() {
        return List.of(
                Setting.named("out-dir").description("where the paste-ready files go (default: <data folder>/outbox/taobao-group)").build(),
                Setting.named("webhook-url").description("also post each message to this URL (a group automation tool)").secret().build(),
                Setting.named("webhook-token").description("sent as Authorization: Bearer …").secret().build(),
                Setting.named("timeout-ms").description("how long to wait for the webhook's answer").defaultValue("10000").build());
    }

    @Override
    public void configure(Map<String, String> settings) {
        if (settings.containsKey("out-dir")) {
            outDir = Path.of(settings.get("out-dir"));
        } else if (settings.containsKey("host.data-dir")) {
            outDir = Path.of(settings.get("host.data-dir"), "outbox", "taobao-group");
        }
        String url = settings.get("webhook-url");
        webhook = url == null || url.isBlank() ? null : new Webhook(url.trim(), settings.get("webhook-token"),
                Integer.parseInt(settings.getOrDefault("timeout-ms", "10000").trim()));
    }

    public Path outDir() {
        return outDir;
    }

    @Override
    public synchronized DeliveryResult deliver(OutboundMessage m) {
        if (m.text() == null || m.text().isBlank()) {
            return DeliveryResult.permanentFailure("empty", "nothing to post");
        }
        Path file = outDir.resolve(LocalDate.now().toString()).resolve(safeFileName(m.recipient()) + ".txt");
        try {
            Files.createDirectories(file.getParent());
            Path keys = file.resolveSibling(file.getFileName() + ".keys");
            boolean written = Files.exists(keys) && Files.readAllLines(keys, StandardCharsets.UTF_8).contains(m.idempotencyKey());
            if (!written) {
                try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND)) {
                    w.write(m.text().strip());
                    w.write(SEPARATOR);
                }
                Files.writeString(keys, m.idempotencyKey() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            return DeliveryResult.transientFailure("io", "cannot write " + file + ": " + e.getMessage(), null);
        }
        if (webhook != null) {
            return webhook.post(m);
        }
        return DeliveryResult.accepted(file.getFileName() + "#" + m.idempotencyKey());
    }

    /** Group names are Chinese free text; keep them readable but safe as a file name. */
    static String safeFileName(String group) {
        String s = group.strip().replaceAll("[\\\\/:*?\"<>|\\s]+", "_");
        return s.isEmpty() ? "group" : s;
    }
}
