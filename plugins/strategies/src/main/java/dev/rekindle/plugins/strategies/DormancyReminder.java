package dev.rekindle.plugins.strategies;

import dev.rekindle.api.CandidateFilter;
import dev.rekindle.api.CustomerView;
import dev.rekindle.api.Decision;
import dev.rekindle.api.PlanContext;
import dev.rekindle.api.Purpose;
import java.util.Map;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * 休眠提醒: every day, the customers reaching day N since their last purchase (default 80), just before
 * they turn silent at 90 — the daily inflow into silence, caught while it is still easy to wake.
 */
@Extension
public class DormancyReminder extends BuiltinStrategy {

    private int day;
    private int window;

    public DormancyReminder() {
        super("dormancy-reminder", "Dormancy reminder 休眠提醒: customers reaching day N before turning silent",
                Purpose.MARKETING, "sms,email,wechat", "coupon-10");
        declare("day", "80");
        declare("window-days", "1");
        declare("offer.important_value", "points-double");
        declare("offer.important_develop", "points-double");
        configure(Map.of());
    }

    @Override
    void configured() {
        day = integer("day", 1, 3650);
        window = integer("window-days", 1, 60);
    }

    @Override
    public String targets() {
        return "customers whose last purchase was exactly " + day + (window > 1 ? "–" + (day + window - 1) : "")
                + " days ago (run daily: each customer is reminded once on the way to silence)";
    }

    @Override
    public CandidateFilter candidates(PlanContext ctx) {
        return CandidateFilter.everyone().withRecencyDays(day, day + window - 1);
    }

    @Override
    public Optional<Decision> decide(CustomerView c, PlanContext ctx) {
        Integer r = c.recencyDays();
        return r != null && r >= day && r <= day + window - 1 ? Optional.of(sample(c, ctx)) : Optional.empty();
    }

    /** One reminder on each way to silence: the last order it follows. */
    @Override
    public String occasionKey(CustomerView c, Decision d, PlanContext ctx) {
        return String.valueOf(c.lastOrder());
    }

    @Override
    public Decision sample(CustomerView c, PlanContext ctx) {
        return yes(c).withFact("days_since", String.valueOf(c.recencyDays() == null ? day : c.recencyDays()));
    }
}
