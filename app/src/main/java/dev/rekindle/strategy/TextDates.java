package dev.rekindle.strategy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;

/** Dates as the database stores them (ISO text), read back for customer views: birthdays, order dates and times. */
final class TextDates {

    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private TextDates() {
    }

    /** The month and day of a birthday stored as 'YYYY-MM-DD' or '--MM-DD'; null when there is none. */
    static MonthDay monthDay(String birthday) {
        if (birthday == null || birthday.length() < 5) return null;
        try {
            return MonthDay.parse("--" + birthday.substring(birthday.length() - 5));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The year of a birthday stored with one; null for '--MM-DD'. */
    static Integer birthYear(String birthday) {
        if (birthday == null || birthday.length() < 10 || birthday.startsWith("--")) return null;
        try {
            return Integer.parseInt(birthday.substring(0, 4));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Dates already made, by year (1900–2155), month and day: a million customers share a few thousand order dates. */
    private static final LocalDate[] DATES = new LocalDate[256 * 12 * 31];

    /** 'YYYY-MM-DD…' without a formatter: this runs once per customer per date on million-row reads. */
    static LocalDate date(String s) {
        if (s == null || s.length() < 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return null;
        }
        int y = Integer.parseInt(s, 0, 4, 10);
        int m = Integer.parseInt(s, 5, 7, 10);
        int d = Integer.parseInt(s, 8, 10, 10);
        if (y < 1900 || y > 2155 || m < 1 || m > 12 || d < 1 || d > 31) {
            return LocalDate.of(y, m, d); // valid or not, as before: LocalDate decides
        }
        int key = ((y - 1900) * 12 + m - 1) * 31 + d - 1;
        LocalDate known = DATES[key];
        if (known == null) {
            known = LocalDate.of(y, m, d); // immutable: sharing it between threads needs no lock
            DATES[key] = known;
        }
        return known;
    }

    /** 'YYYY-MM-DD HH:MM:SS…' (or a bare date: its start) as a local date-time. */
    static LocalDateTime timestamp(String s) {
        return s.length() >= 19 ? LocalDateTime.parse(s.substring(0, 19), TS) : LocalDate.parse(s.substring(0, 10)).atStartOfDay();
    }
}
