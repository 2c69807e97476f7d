package dev.rekindle.plugins.strategies;

import dev.rekindle.api.CandidateFilter;
import dev.rekindle.api.CustomerView;
import dev.rekindle.api.Decision;
import dev.rekindle.api.Occasion;
import dev.rekindle.api.PlanContext;
import dev.rekindle.api.Purpose;
import dev.rekindle.api.Stage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pf4j.Extension;

/**
 * 节日问候: a pure greeting for the next holiday in the calendar within {@code lead-days} of the as-of
 * date (or the holiday pinned with {@code holiday}), to customers still connected to the shop. Care
 * first, marketing later: no offer by default.
 */
@Extension
public class HolidayGreeting extends BuiltinStrategy {

    private HolidayCalendar calendar;
    private int leadDays;
    private String pinned;
    private Set<Stage> stages;

    public HolidayGreeting() {
        super("holiday-greeting", "Holiday greeting 节日问候: Spring Festival, Mid-Autumn, Dragon Boat… (calendar)",
                Purpose.CARE, "wechat,sms,email", OfferTiers.NONE);
        declare("holidays", String.join(",", HolidayCalendar.BUILT_IN.keySet()));
        declare("lead-days", "7");
        declare("holiday", "");
        declare("stages", "active,silent,sleeping");
        allowPrefix("dates.");
        allowPrefix("names.");
        allowPrefix("greetings.");
        configure(Map.of());
    }

    @Override
    void configured() {
        calendar = HolidayCalendar.of(list("holidays"), prefixed("dates."), prefixed("names."), prefixed("greetings."));
        leadDays = integer("lead-days", 0, 366);
        pinned = get("holiday").isBlank() ? null : get("holiday");
        if (pinned != null && !calendar.has(pinned)) {
            throw new IllegalArgumentException("holiday-greeting.holiday = '" + pinned + "' is not in holiday-greeting.holidays");
        }
        stages = stages("stages");
    }

    @Override
    public String targets() {
        return "customers in stages " + String.join(",", list("stages")) + ", when "
                + (pinned != null ? "the " + pinned + " holiday comes (pinned)" : "a holiday is at most " + leadDays + " days ahead");
    }

    /** The holiday this plan greets for, if any. */
    Optional<HolidayCalendar.Occurrence> holiday(PlanContext ctx) {
        Optional<HolidayCalendar.Occurrence> next = pinned != null ? calendar.next(pinned, ctx.asOf()) : calendar.next(ctx.asOf());
        return next.filter(o -> pinned != null || o.date().toEpochDay() - ctx.asOf().toEpochDay() <= leadDays);
    }

    @Override
    public Optional<Occasion> occasion(PlanContext ctx) {
        Optional<HolidayCalendar.Occurrence> h = holiday(ctx);
        if (h.isEmpty()) {
            String next = calendar.next(ctx.asOf()).map(o -> "; next: " + o.holiday().name() + " " + o.date() + " ("
                    + o.holiday().id() + ", in " + (o.date().toEpochDay() - ctx.asOf().toEpochDay())
                    + " days) — pin it with rekindle.plugins.strategies.holiday-greeting.holiday=" + o.holiday().id()).orElse("");
            return Optional.of(new Occasion("no holiday within " + leadDays + " days" + next, Map.of()));
        }
        HolidayCalendar.Occurrence o = h.get();
        long days = o.date().toEpochDay() - ctx.asOf().toEpochDay();
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("holiday", o.holiday().name());
        facts.put("holiday_date", chineseDate(o.date()));
        facts.put("greeting", o.holiday().greeting());
        facts.put("days_left", String.valueOf(days));
        return Optional.of(new Occasion(o.holiday().name() + " " + o.date() + (days == 0 ? " (today)" : " (in " + days + " days)"), facts));
    }

    @Override
    public CandidateFilter candidates(PlanContext ctx) {
        return holiday(ctx).isEmpty() ? CandidateFilter.nobodyToday() : CandidateFilter.everyone().withStages(stages);
    }

    @Override
    public Optional<Decision> decide(CustomerView c, PlanContext ctx) {
        return stages.contains(c.stage()) && holiday(ctx).isPresent() ? Optional.of(yes(c)) : Optional.empty();
    }

    /** One greeting per holiday and year: the holiday's name and date. */
    @Override
    public String occasionKey(CustomerView c, Decision d, PlanContext ctx) {
        return holiday(ctx).map(o -> o.holiday().name() + "@" + o.date()).orElse("none@" + ctx.asOf());
    }

    /** For previews on any day: the next holiday's facts even when it is further than lead-days away. */
    @Override
    public Decision sample(CustomerView c, PlanContext ctx) {
        Decision d = yes(c);
        Optional<HolidayCalendar.Occurrence> o = holiday(ctx).or(() -> pinned != null ? calendar.next(pinned, ctx.asOf()) : calendar.next(ctx.asOf()));
        if (o.isPresent()) {
            d = d.withFact("holiday", o.get().holiday().name()).withFact("holiday_date", chineseDate(o.get().date()))
                    .withFact("greeting", o.get().holiday().greeting())
                    .withFact("days_left", String.valueOf(o.get().date().toEpochDay() - ctx.asOf().toEpochDay()));
        }
        return d;
    }
}
