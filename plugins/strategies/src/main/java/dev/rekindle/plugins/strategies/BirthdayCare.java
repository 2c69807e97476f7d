package dev.rekindle.plugins.strategies;

import dev.rekindle.api.CandidateFilter;
import dev.rekindle.api.CustomerView;
import dev.rekindle.api.Decision;
import dev.rekindle.api.PlanContext;
import dev.rekindle.api.Purpose;
import dev.rekindle.api.Stage;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pf4j.Extension;

/**
 * 生日关怀: a greeting N days before the birthday (care first, no selling by default). A 29 February
 * birthday is celebrated on 28 February in other years.
 */
@Extension
public class BirthdayCare extends BuiltinStrategy {

    private int daysBefore;
    private int window;
    private Set<Stage> stages;

    public BirthdayCare() {
        super("birthday-care", "Birthday care 生日关怀: a greeting N days before the birthday", Purpose.CARE,
                "wechat,sms,email", OfferTiers.NONE);
        declare("days-before", "3");
        declare("window-days", "1");
        declare("stages", "active,silent,sleeping,lost");
        configure(Map.of());
    }

    @Override
    void configured() {
        daysBefore = integer("days-before", 0, 60);
        window = integer("window-days", 1, 31);
        stages = stages("stages");
    }

    @Override
    public String targets() {
        return "customers (stages " + String.join(",", list("stages")) + ") whose birthday is " + daysBefore
                + (window > 1 ? "–" + (daysBefore + window - 1) : "") + " days after the as-of date";
    }

    @Override
    public CandidateFilter candidates(PlanContext ctx) {
        Set<MonthDay> days = new HashSet<>();
        for (int i = 0; i < window; i++) {
            LocalDate d = ctx.asOf().plusDays(daysBefore + i);
            days.add(MonthDay.from(d));
            if (d.getMonthValue() == 2 && d.getDayOfMonth() == 28 && !d.isLeapYear()) {
                days.add(MonthDay.of(2, 29));
            }
        }
        return CandidateFilter.everyone().withStages(stages).withBirthdays(days);
    }

    @Override
    public Optional<Decision> decide(CustomerView c, PlanContext ctx) {
        if (c.birthday() == null || !stages.contains(c.stage())) {
            return Optional.empty();
        }
        long until = daysUntil(c.birthday(), ctx.asOf());
        return until >= daysBefore && until <= daysBefore + window - 1 ? Optional.of(sample(c, ctx)) : Optional.empty();
    }

    @Override
    public Decision sample(CustomerView c, PlanContext ctx) {
        MonthDay b = c.birthday() == null ? MonthDay.from(ctx.asOf().plusDays(daysBefore)) : c.birthday();
        return yes(c).withFact("birthday", b.getMonthValue() + "月" + b.getDayOfMonth() + "日")
                .withFact("days_left", String.valueOf(daysUntil(b, ctx.asOf())));
    }

    /** One greeting per birthday: the date of the birthday it is for. */
    @Override
    public String occasionKey(CustomerView c, Decision d, PlanContext ctx) {
        return c.birthday() == null ? "unknown" : ctx.asOf().plusDays(daysUntil(c.birthday(), ctx.asOf())).toString();
    }

    /** Days from the as-of date to the next birthday (0 = today). */
    static long daysUntil(MonthDay birthday, LocalDate asOf) {
        LocalDate next = on(birthday, asOf.getYear());
        if (next.isBefore(asOf)) {
            next = on(birthday, asOf.getYear() + 1);
        }
        return next.toEpochDay() - asOf.toEpochDay();
    }

    private static LocalDate on(MonthDay b, int year) {
        return b.isValidYear(year) ? b.atYear(year) : LocalDate.of(year, 2, 28);
    }
}
