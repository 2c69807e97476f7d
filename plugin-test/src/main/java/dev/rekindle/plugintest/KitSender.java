package dev.rekindle.plugintest;

import dev.rekindle.api.Channel;
import dev.rekindle.delivery.ChannelDirectory;
import dev.rekindle.delivery.DeliveryEngine;
import dev.rekindle.delivery.SendOptions;
import dev.rekindle.delivery.SendReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The kill test's victim: a second JVM that opens the kit's host on the same home and database and sends a
 * campaign through the real delivery engine, until the kit kills it with SIGKILL (no shutdown hook, no
 * finally). Arguments: HOME CAMPAIGN CHANNEL CONCURRENCY; the recipients are read from
 * {@code HOME/recipients-CAMPAIGN.txt}, one a line, as the kit wrote them.
 */
public final class KitSender {

    private KitSender() {
    }

    public static void main(String[] args) throws IOException {
        Path home = Path.of(args[0]);
        long campaign = Long.parseLong(args[1]);
        String channel = args[2];
        int concurrency = Integer.parseInt(args[3]);
        List<String> recipients = Files.readAllLines(recipientsFile(home, campaign), StandardCharsets.UTF_8);
        try (KitHost host = KitHost.open(home)) {
            Channel c = host.bean(ChannelDirectory.class).find(channel)
                    .orElseThrow(() -> new IllegalStateException("no channel " + channel + " in the host"));
            SendReport r = host.bean(DeliveryEngine.class).send(campaign,
                    KitMessages.of(campaign, channel, c.traits().contact(), recipients.size(), i -> recipients.get(i - 1)).stream(),
                    SendOptions.send().withConcurrency(concurrency).withRate("unlimited"));
            System.out.println("kit sender: " + r.sent() + " sent");
        }
        System.exit(0);
    }

    static Path recipientsFile(Path home, long campaign) {
        return home.resolve("recipients-" + campaign + ".txt");
    }
}
