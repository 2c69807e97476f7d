package dev.rekindle.plugins.strategies;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The greeting calendar. Fixed-date holidays repeat every year; Spring Festival, Lantern Festival,
 * Dragon Boat and Mid-Autumn follow the lunar calendar, the winter solstice the sun and Thanksgiving the
 * fourth Thursday of November, so they are a table of Gregorian dates per year (2024–2035, from the Purple Mountain Observatory calendar). A shop
 * adds years, moves dates or adds its own days (member day) with
 * {@code holiday-greeting.dates.<holiday>=YYYY-MM-DD,…} (or {@code MM-DD} for every year) and
 * {@code holiday-greeting.names.<holiday>=会员日}.
 */
final class HolidayCalendar {

    /** One holiday: id, Chinese name, greeting, and either a fixed day or dates per year. */
    record Holiday(String id, String name, String greeting, MonthDay every, List<LocalDate> dates) {
        Optional<LocalDate> onOrAfter(LocalDate from) {
            List<LocalDate> all = new ArrayList<>(dates);
            if (every != null) {
                all.add(every.atYear(from.getYear()));
                all.add(every.atYear(from.getYear() + 1));
            }
            return all.stream().filter(d -> !d.isBefore(from)).min(Comparator.naturalOrder());
        }
    }

    /** A holiday on a date. */
    record Occurrence(Holiday holiday, LocalDate date) {
    }

    static final Map<String, Holiday> BUILT_IN = new LinkedHashMap<>();

    static {
        fixed("new-year", "元旦", "元旦快乐", "01-01");
        lunar("spring-festival", "春节", "新春快乐",
                "2024-02-10,2025-01-29,2026-02-17,2027-02-06,2028-01-26,2029-02-13,2030-02-03,2031-01-23,2032-02-11,"
                        + "2033-01-31,2034-02-19,2035-02-08");
        lunar("lantern", "元宵节", "元宵节快乐",
                "2024-02-24,2025-02-12,2026-03-03,2027-02-20,2028-02-09,2029-02-27,2030-02-17,2031-02-06,2032-02-25,"
                        + "2033-02-14,2034-03-05,2035-02-22");
        fixed("womens-day", "妇女节", "女神节快乐", "03-08");
        lunar("dragon-boat", "端午节", "端午安康",
                "2024-06-10,2025-05-31,2026-06-19,2027-06-09,2028-05-28,2029-06-16,2030-06-05,2031-06-24,2032-06-12,"
                        + "2033-06-01,2034-06-20,2035-06-10");
        lunar("mid-autumn", "中秋节", "中秋快乐，阖家团圆",
                "2024-09-17,2025-10-06,2026-09-25,2027-09-15,2028-10-03,2029-09-22,2030-09-12,2031-10-01,2032-09-19,"
                        + "2033-09-08,2034-09-27,2035-09-16");
        fixed("national-day", "国庆节", "国庆快乐", "10-01");
        // the fourth Thursday of November: Chinese shops thank their customers on 感恩节
        lunar("thanksgiving", "感恩节", "感恩有你，幸福常在",
                "2024-11-28,2025-11-27,2026-11-26,2027-11-25,2028-11-23,2029-11-22,2030-11-28,2031-11-27,2032-11-25,"
                        + "2033-11-24,2034-11-23,2035-11-22");
        lunar("winter-solstice", "冬至", "冬至安康，记得吃饺子",
                "2024-12-21,2025-12-21,2026-12-22,2027-12-22,2028-12-21,2029-12-21,2030-12-22,2031-12-22,2032-12-21,"
                        + "2033-12-21,2034-12-22,2035-12-22");
    }

    private static void fixed(String id, String name, String greeting, String monthDay) {
        BUILT_IN.put(id, new Holiday(id, name, greeting, MonthDay.parse("--" + monthDay), List.of()));
    }

    private static void lunar(String id, String name, String greeting, String dates) {
        BUILT_IN.put(id, new Holiday(id, name, greeting, null, parseDates(dates)));
    }

    private static List<LocalDate> parseDates(String dates) {
        List<LocalDate> list = new ArrayList<>();
        for (String d : dates.split(",")) {
            if (!d.isBlank()) list.add(LocalDate.parse(d.strip()));
        }
        return List.copyOf(list);
    }

    private final Map<String, Holiday> holidays;

    private HolidayCalendar(Map<String, Holiday> holidays) {
        this.holidays = holidays;
    }

    /** The enabled holidays, with the shop's dates and names applied. */
    static HolidayCalendar of(List<String> enabled, Map<String, String> dates, Map<String, String> names,
            Map<String, String> greetings) {
        Map<String, Holiday> m = new LinkedHashMap<>();
        for (String id : enabled) {
            Holiday h = BUILT_IN.get(id);
            String name = names.get(id);
            if (h == null && (dates.get(id) == null || name == null)) {
                throw new IllegalArgumentException("unknown holiday '" + id + "': built in are " + String.join(", ", BUILT_IN.keySet())
                        + "; a holiday of your own needs holiday-greeting.dates." + id + " and holiday-greeting.names." + id);
            }
            MonthDay every = h == null ? null : h.every();
            List<LocalDate> list = h == null ? List.of() : h.dates();
            String d = dates.get(id);
            if (d != null) {
                if (d.strip().matches("\\d{2}-\\d{2}")) {
                    every = MonthDay.parse("--" + d.strip());
                    list = List.of();
                } else {
                    try {
                        List<LocalDate> extra = new ArrayList<>(list);
                        extra.addAll(parseDates(d));
                        list = List.copyOf(extra);
                    } catch (RuntimeException e) {
                        throw new IllegalArgumentException("holiday-greeting.dates." + id + " takes YYYY-MM-DD,… or MM-DD, got '" + d + "'");
                    }
                }
            }
            String n = name != null ? name : h.name();
            String g = greetings.getOrDefault(id, h == null ? n + "快乐" : h.greeting());
            m.put(id, new Holiday(id, n, g, every, list));
        }
        return new HolidayCalendar(m);
    }

    /** The first holiday on or after the day, or empty when the table has no more dates. */
    Optional<Occurrence> next(LocalDate from) {
        return holidays.values().stream().flatMap(h -> h.onOrAfter(from).map(d -> new Occurrence(h, d)).stream())
                .min(Comparator.comparing(Occurrence::date));
    }

    Optional<Occurrence> next(String id, LocalDate from) {
        return Optional.ofNullable(holidays.get(id)).flatMap(h -> h.onOrAfter(from).map(d -> new Occurrence(h, d)));
    }

    boolean has(String id) {
        return holidays.containsKey(id);
    }
}
