package dev.rekindle.campaign;

import dev.rekindle.shell.Progress;
import dev.rekindle.shop.ShopProfile;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Service;

/**
 * Renders every planned message of a campaign into an outbox file. Touches no channel and records no
 * delivery: only the campaign's "last dry run" time and file are noted.
 */
@Service
public class DryRun {

    /** What a dry run produced. */
    public record Summary(long messages, Map<String, Long> byChannel, Map<String, Long> skipped, long smsParts, double seconds) {
    }

    private final CampaignMessages messages;
    private final CampaignRepository campaigns;
    private final ShopProfile shop;

    public DryRun(CampaignMessages messages, CampaignRepository campaigns, ShopProfile shop) {
        this.messages = messages;
        this.campaigns = campaigns;
        this.shop = shop;
    }

    public Summary run(Campaign c, Path file, Function<Long, Progress> progress) {
        long start = System.nanoTime();
        Map<String, Long> byChannel = new LinkedHashMap<>();
        Map<String, Long> skipped = new LinkedHashMap<>();
        long[] counts = new long[2];
        try (Outbox outbox = new Outbox(file); Progress p = progress.apply(c.targets())) {
            messages.forEach(c.id(), Long.MIN_VALUE, 0, planned -> {
                p.advance(1);
                if (planned instanceof PlannedMessage.Message m) {
                    outbox.write(m);
                    counts[0]++;
                    counts[1] += m.smsParts();
                    byChannel.merge(m.channel(), 1L, Long::sum);
                } else if (planned instanceof PlannedMessage.Skip s) {
                    skipped.merge(s.reason().code(), 1L, Long::sum);
                }
            });
        }
        campaigns.recordDryRun(c.id(), shop.now().toString().replace('T', ' '), file.toAbsolutePath().normalize().toString());
        return new Summary(counts[0], byChannel, skipped, counts[1], (System.nanoTime() - start) / 1e9);
    }
}
