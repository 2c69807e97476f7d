package dev.rekindle.report;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** The store's shop-local text timestamps ('YYYY-MM-DD HH:MM:SS'), which sort and compare as text. */
public final class Timestamps {

    public static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Timestamps() {
    }

    public static String format(LocalDateTime t) {
        return FORMAT.format(t);
    }

    /** For people: to the minute. */
    public static String minutes(LocalDateTime t) {
        return MINUTES.format(t);
    }

    /** Accepts 'YYYY-MM-DD', 'YYYY-MM-DD HH:MM[:SS[.fff]]' and the ISO 'T' form; null stays null. */
    public static LocalDateTime parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim().replace('T', ' ');
        if (t.length() == 10) {
            return LocalDate.parse(t).atStartOfDay();
        }
        if (t.length() == 16) {
            t = t + ":00";
        }
        return LocalDateTime.parse(t.substring(0, 19), FORMAT);
    }
}
