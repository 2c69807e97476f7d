package dev.rekindle.report.campaign;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Campaign reports (rekindle.report.*). Prices are kept as written and checked by
 * ChannelPrices when a report needs them, so that a typo stops the report with a message naming
 * the channel, not every command at start.
 *
 * @param price price per message in yuan, by channel id, e.g. sms: 0.045: cost and return per
 *              channel in campaigns report
 */
@ConfigurationProperties("rekindle.report")
public record ReportProperties(Map<String, String> price) {

    public ReportProperties {
        price = price == null ? Map.of() : Map.copyOf(price);
    }
}
