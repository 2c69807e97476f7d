package dev.rekindle.plugins.strategies;

import dev.rekindle.api.Stage;
import java.util.Map;
import org.pf4j.Extension;

/**
 * 流失期挽回: the last chance for lost customers (270–365 days) with the strongest offer; after this the
 * customer is given up (策略性放弃) — send mode's give-up rule stops further marketing.
 */
@Extension
public class LastCallLost extends StageWinback {

    public LastCallLost() {
        super("last-call-lost", "Last call for lost customers 流失期挽回 (then give up)", Stage.LOST, "coupon-20");
        declare("offer.important_keep", "cash-20");
        declare("offer.important_retain", "cash-20");
        declare("offer.important_value", "cash-20");
        declare("offer.important_develop", "cash-20");
        configure(Map.of());
    }
}
