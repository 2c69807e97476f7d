package dev.rekindle.api;

import java.time.MonthDay;
import java.util.Set;

/**
 * A cheap pre-selection the host runs inside the database before it calls
 * {@link Strategy#decide} for each remaining customer, so a strategy never has to look at a million
 * customers to find fifty. It may include too many (decide has the last word), never too few.
 * Empty sets and null bounds mean "no restriction".
 *
 * @param nobody                 true when nobody can qualify today (e.g. no holiday near): nothing is read
 * @param stages                 lifecycle stages to consider
 * @param segments               RFM segments to consider
 * @param minRecencyDays         at least this many days since the last purchase
 * @param maxRecencyDays         at most this many days since the last purchase
 * @param minDaysSinceFirstOrder first purchase at least this many days before the as-of date
 * @param maxDaysSinceFirstOrder first purchase at most this many days before the as-of date
 * @param birthdays              birthday (month and day) among these
 * @param mainCategories         mostly buys one of these categories
 * @param minFrequency           at least this many purchases
 * @param lastOrders             how many of the latest orders to put in the view (0 = none: faster)
 */
public record CandidateFilter(boolean nobody, Set<Stage> stages, Set<RfmSegment> segments,
        Integer minRecencyDays, Integer maxRecencyDays, Integer minDaysSinceFirstOrder, Integer maxDaysSinceFirstOrder,
        Set<MonthDay> birthdays, Set<String> mainCategories, int minFrequency, int lastOrders) {

    public CandidateFilter {
        stages = stages == null ? Set.of() : Set.copyOf(stages);
        segments = segments == null ? Set.of() : Set.copyOf(segments);
        birthdays = birthdays == null ? Set.of() : Set.copyOf(birthdays);
        mainCategories = mainCategories == null ? Set.of() : Set.copyOf(mainCategories);
    }

    public static CandidateFilter everyone() {
        return new CandidateFilter(false, Set.of(), Set.of(), null, null, null, null, Set.of(), Set.of(), 0, 0);
    }

    public static CandidateFilter nobodyToday() {
        return new CandidateFilter(true, Set.of(), Set.of(), null, null, null, null, Set.of(), Set.of(), 0, 0);
    }

    public CandidateFilter withStages(Set<Stage> s) {
        return new CandidateFilter(nobody, s, segments, minRecencyDays, maxRecencyDays, minDaysSinceFirstOrder,
                maxDaysSinceFirstOrder, birthdays, mainCategories, minFrequency, lastOrders);
    }

    public CandidateFilter withSegments(Set<RfmSegment> s) {
        return new CandidateFilter(nobody, stages, s, minRecencyDays, maxRecencyDays, minDaysSinceFirstOrder,
                maxDaysSinceFirstOrder, birthdays, mainCategories, minFrequency, lastOrders);
    }

    public CandidateFilter withRecencyDays(Integer min, Integer max) {
        return new CandidateFilter(nobody, stages, segments, min, max, minDaysSinceFirstOrder, maxDaysSinceFirstOrder,
                birthdays, mainCategories, minFrequency, lastOrders);
    }

    public CandidateFilter withDaysSinceFirstOrder(Integer min, Integer max) {
        return new CandidateFilter(nobody, stages, segments, minRecencyDays, maxRecencyDays, min, max, birthdays,
                mainCategories, minFrequency, lastOrders);
    }

    public CandidateFilter withBirthdays(Set<MonthDay> b) {
        return new CandidateFilter(nobody, stages, segments, minRecencyDays, maxRecencyDays, minDaysSinceFirstOrder,
                maxDaysSinceFirstOrder, b, mainCategories, minFrequency, lastOrders);
    }

    public CandidateFilter withMainCategories(Set<String> c) {
        return new CandidateFilter(nobody, stages, segments, minRecencyDays, maxRecencyDays, minDaysSinceFirstOrder,
                maxDaysSinceFirstOrder, birthdays, c, minFrequency, lastOrders);
    }

    public CandidateFilter withMinFrequency(int n) {
        return new CandidateFilter(nobody, stages, segments, minRecencyDays, maxRecencyDays, minDaysSinceFirstOrder,
                maxDaysSinceFirstOrder, birthdays, mainCategories, n, lastOrders);
    }

    public CandidateFilter withLastOrders(int n) {
        return new CandidateFilter(nobody, stages, segments, minRecencyDays, maxRecencyDays, minDaysSinceFirstOrder,
                maxDaysSinceFirstOrder, birthdays, mainCategories, minFrequency, n);
    }
}
