package dev.rekindle.report.campaign;

import dev.rekindle.i18n.Tr;
import dev.rekindle.console.UserException;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/** Prices per message, {@code rekindle.report.price.<channel>=0.045} (yuan), for cost and return per channel. */
@Component
public class ChannelPrices {

    static final String PREFIX = "rekindle.report.price";

    private final ReportProperties settings;

    public ChannelPrices(ReportProperties settings) {
        this.settings = settings;
    }

    /** Channel id to price per message. */
    public Map<String, Double> all() {
        Map<String, String> raw = settings.price();
        Map<String, Double> prices = new TreeMap<>();
        raw.forEach((channel, value) -> {
            double price;
            try {
                price = Double.parseDouble(value.trim());
            } catch (NumberFormatException e) {
                price = -1;
            }
            if (!(price >= 0) || Double.isInfinite(price)) {
                throw new UserException(Tr.f("%s.%s must be a price per message in yuan, e.g. 0.045; got '%s'", PREFIX, channel, value));
            }
            prices.put(channel, price);
        });
        return prices;
    }
}
