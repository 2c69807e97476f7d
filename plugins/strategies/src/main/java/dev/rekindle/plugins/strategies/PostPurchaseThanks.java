package dev.rekindle.plugins.strategies;

import dev.rekindle.api.CandidateFilter;
import dev.rekindle.api.CustomerView;
import dev.rekindle.api.Decision;
import dev.rekindle.api.PastOrder;
import dev.rekindle.api.PlanContext;
import dev.rekindle.api.Purpose;
import java.util.Optional;
import org.pf4j.Extension;

/** About a week after the first order: confirm, thank, suggest what goes with it. Care, no selling. */
@Extension
public class PostPurchaseThanks extends BuiltinStrategy {

    private int days;
    private int window;

    public PostPurchaseThanks() {
        super("post-purchase-thanks", "Post-purchase thanks 首单感谢: N days after the first order", Purpose.CARE,
                "wechat,sms,email", OfferTiers.NONE);
        declare("days", "7");
        declare("window-days", "1");
        configure(java.util.Map.of());
    }

    @Override
    void configured() {
        days = integer("days", 1, 365);
        window = integer("window-days", 1, 60);
    }

    @Override
    public String targets() {
        return "customers whose first purchase was " + days + (window > 1 ? "–" + (days + window - 1) : "")
                + " days before the as-of date";
    }

    @Override
    public CandidateFilter candidates(PlanContext ctx) {
        return CandidateFilter.everyone().withDaysSinceFirstOrder(days, days + window - 1).withMinFrequency(1).withLastOrders(1);
    }

    @Override
    public Optional<Decision> decide(CustomerView c, PlanContext ctx) {
        long since = c.daysSinceFirstOrder(ctx.asOf());
        if (c.frequency() < 1 || since < days || since > days + window - 1) {
            return Optional.empty();
        }
        return Optional.of(sample(c, ctx));
    }

    /** One thanks per first purchase. */
    @Override
    public String occasionKey(CustomerView c, Decision d, PlanContext ctx) {
        return String.valueOf(c.firstOrder());
    }

    @Override
    public Decision sample(CustomerView c, PlanContext ctx) {
        String category = c.lastOrders().stream().map(PastOrder::category).filter(x -> x != null && !x.isBlank())
                .reduce((a, b) -> b).orElse(c.mainCategory() == null ? "宝贝" : c.mainCategory());
        return yes(c).withFact("category", category).withFact("days", String.valueOf(days));
    }
}
