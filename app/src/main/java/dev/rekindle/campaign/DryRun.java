package dev.rekindle.campaign;

import dev.rekindle.console.Progress;
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
    private final int threads;

    public DryRun(CampaignMessages messages, CampaignRepository campaigns, ShopProfile shop,
            CampaignProperties settings) {
        int threads = settings.dryRunThreads();
        this.messages = messages;
        this.campaigns = campaigns;
        this.shop = shop;
        this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    public Summary run(Campaign c, Path file, Function<Long, Progress> progress) {
        long start = System.nanoTime();
        Map<String, Long> byChannel = new LinkedHashMap<>();
        Map<String, Long> skipped = new LinkedHashMap<>();
        long[] counts = new long[2];
        try (Outbox outbox = new Outbox(file); Progress p = progress.apply(c.targets())) {
            // chunks are rendered side by side and written in customer order: the file is the same at any thread count
            messages.renderInOrder(c.id(), threads, CampaignMessages.CHUNK, outbox::lines, chunk -> {
                outbox.write(chunk);
                p.advance(chunk.handled());
                counts[0] += chunk.messages();
                counts[1] += chunk.smsParts();
                Outbox.Lines.merge(byChannel, chunk.byChannel());
                Outbox.Lines.merge(skipped, chunk.skipped());
            });
        }
        campaigns.recordDryRun(c.id(), shop.now().toString().replace('T', ' '), file.toAbsolutePath().normalize().toString());
        return new Summary(counts[0], byChannel, skipped, counts[1], (System.nanoTime() - start) / 1e9);
    }
}
