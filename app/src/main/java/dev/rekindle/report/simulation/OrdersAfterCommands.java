package dev.rekindle.report.simulation;

import dev.rekindle.i18n.Tr;
import dev.rekindle.report.Timestamps;
import dev.rekindle.console.Groups;
import dev.rekindle.console.UsageException;
import dev.rekindle.shop.ShopProfile;
import java.util.Locale;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

@Component
class OrdersAfterCommands {

    private final OrdersAfterCampaign simulation;
    private final ShopProfile shop;

    OrdersAfterCommands(OrdersAfterCampaign simulation, ShopProfile shop) {
        this.simulation = simulation;
        this.shop = shop;
    }

    @Command(name = {"demo", "orders-after"}, group = Groups.START,
            description = "Simulate orders after a campaign (contacted buy more often than holdout) to try campaigns report",
            help = """
                    demo orders-after --campaign 3
                    demo orders-after --campaign 3 --days 30 --lift 0.3 --seed 7""")
    String ordersAfter(@Option(longName = "campaign", description = "the campaign's number (see campaigns list)") String campaign,
            @Option(longName = "days", description = "how many days after the send, 1-365", defaultValue = "30") Integer days,
            @Option(longName = "lift", description = "contacted customers buy (1 + lift) times as often as holdout ones, -0.9 to 5",
                    defaultValue = "0.3") Double lift,
            @Option(longName = "seed", description = "random seed; the same seed gives the same orders", defaultValue = "42") Long seed) {
        if (campaign == null || !campaign.trim().matches("[0-9]{1,18}")) {
            throw new UsageException(Tr.t("give the campaign's number, e.g. demo orders-after --campaign 3"));
        }
        if (days == null || days < 1 || days > 365) {
            throw new UsageException(Tr.f("--days must be 1 to 365, got %d", days));
        }
        if (lift == null || lift < -0.9 || lift > 5 || lift.isNaN()) {
            throw new UsageException(Tr.f("--lift must be between -0.9 and 5 (0.3 = 30%% more buyers among the contacted), got %s", lift));
        }
        OrdersAfterCampaign.Summary s = simulation.simulate(Long.parseLong(campaign.trim()), days, lift, seed);
        StringBuilder sb = new StringBuilder();
        sb.append(Tr.f("Simulated %,d orders for campaign %d between %s and %s (seed %d):%n",
                s.orders(), s.campaignId(), Timestamps.minutes(s.sent().at()), Timestamps.minutes(s.until()), s.seed()));
        sb.append(Tr.f("  %,d of %,d contacted customers bought (%.1f%%), %,d of %,d holdout (%.1f%%); lift %+.0f%% by design.%n",
                s.contactedBuyers(), s.contacted(), rate(s.contactedBuyers(), s.contacted()), s.holdoutBuyers(), s.holdout(),
                rate(s.holdoutBuyers(), s.holdout()), s.lift() * 100));
        if (s.replaced() > 0) {
            sb.append(Tr.f("  Replaced %,d orders simulated before for this campaign.%n", s.replaced()));
        }
        sb.append(Tr.f("  Customer aggregates updated. Simulated order numbers start with sim-c%d-.%n", s.campaignId()));
        if (s.until().isAfter(shop.now())) {
            sb.append(Tr.f("These orders reach past today (%s); see the full window with:%n  campaigns report %d --window %d --as-of %s",
                    shop.today(), s.campaignId(), days, s.until().toLocalDate()));
        } else {
            sb.append(Tr.f("See the result with:%n  campaigns report %d --window %d", s.campaignId(), days));
        }
        return sb.toString();
    }

    private static double rate(long part, long whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }
}
