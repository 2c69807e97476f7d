package dev.rekindle.plugins.strategies;

import dev.rekindle.api.CandidateFilter;
import dev.rekindle.api.CustomerView;
import dev.rekindle.api.Decision;
import dev.rekindle.api.PastOrder;
import dev.rekindle.api.PlanContext;
import dev.rekindle.api.Purpose;
import dev.rekindle.api.Stage;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pf4j.Extension;

/**
 * 补货提醒: products have a lifespan (products.lifespan_days: 30 days of nappies, 90 of skincare); when
 * the latest purchase of a category is about to run out — {@code days-before} days before — remind.
 * A later purchase of the same category resets the clock.
 */
@Extension
public class ReplenishmentReminder extends BuiltinStrategy {

    private int daysBefore;
    private int window;
    private int ordersToCheck;

    public ReplenishmentReminder() {
        super("replenishment-reminder", "Replenishment reminder 补货提醒: a purchase about to run out", Purpose.MARKETING,
                "sms,email,wechat", "coupon-10");
        declare("days-before", "7");
        declare("window-days", "1");
        declare("orders-to-check", "5");
        configure(Map.of());
    }

    @Override
    void configured() {
        daysBefore = integer("days-before", 0, 365);
        window = integer("window-days", 1, 60);
        ordersToCheck = integer("orders-to-check", 1, 50);
    }

    @Override
    public String targets() {
        return "customers whose latest purchase of a category runs out in " + daysBefore
                + " days (order date + the category's lifespan_days), checking their last " + ordersToCheck + " orders";
    }

    @Override
    public CandidateFilter candidates(PlanContext ctx) {
        return CandidateFilter.everyone().withStages(Set.of(Stage.ACTIVE, Stage.SILENT, Stage.SLEEPING, Stage.LOST))
                .withLastOrders(ordersToCheck);
    }

    @Override
    public Optional<Decision> decide(CustomerView c, PlanContext ctx) {
        return due(c, ctx.asOf()).map(o -> facts(yes(c), o, ctx.asOf()));
    }

    /** The newest order of a category whose lifespan ends within the window, newest categories first. */
    Optional<PastOrder> due(CustomerView c, LocalDate asOf) {
        Set<String> seen = new HashSet<>();
        for (PastOrder o : c.lastOrders()) {
            if (o.category() == null || !seen.add(o.category()) || o.lifespanDays() == null) {
                continue;
            }
            LocalDate remindOn = o.createdAt().toLocalDate().plusDays(o.lifespanDays() - daysBefore);
            long late = asOf.toEpochDay() - remindOn.toEpochDay();
            if (late >= 0 && late < window) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }

    /** One reminder per purchase running out: its category and the day it was bought. */
    @Override
    public String occasionKey(CustomerView c, Decision d, PlanContext ctx) {
        return d.facts().getOrDefault("category", "") + "@" + d.facts().getOrDefault("bought_on", "");
    }

    @Override
    public Decision sample(CustomerView c, PlanContext ctx) {
        Optional<PastOrder> o = due(c, ctx.asOf()).or(() -> c.lastOrders().stream().findFirst());
        if (o.isEmpty()) {
            String cat = c.mainCategory() == null ? "常用好物" : c.mainCategory();
            return yes(c).withFact("category", cat).withFact("bought_on", chineseDate(ctx.asOf().minusDays(30)))
                    .withFact("days_left", String.valueOf(daysBefore)).withFact("lifespan_days", "30");
        }
        return facts(yes(c), o.get(), ctx.asOf());
    }

    private Decision facts(Decision d, PastOrder o, LocalDate asOf) {
        int lifespan = o.lifespanDays() == null ? 30 : o.lifespanDays();
        long left = o.createdAt().toLocalDate().plusDays(lifespan).toEpochDay() - asOf.toEpochDay();
        return d.withFact("category", o.category() == null ? "常用好物" : o.category())
                .withFact("bought_on", chineseDate(o.createdAt().toLocalDate()))
                .withFact("days_left", String.valueOf(Math.max(0, left)))
                .withFact("lifespan_days", String.valueOf(lifespan));
    }
}
