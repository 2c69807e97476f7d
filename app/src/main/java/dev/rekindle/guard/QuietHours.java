package dev.rekindle.guard;

import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * Hours of the shop's day when nobody is messaged, e.g. 21:00–08:00 (may wrap midnight). A message due
 * then waits until the end of the window; it is not dropped.
 */
public record QuietHours(LocalTime start, LocalTime end) {

    public static final QuietHours NONE = new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);

    /** "21:00-08:00"; empty or "none" = no quiet hours. */
    public static QuietHours parse(String spec) {
        if (spec == null || spec.isBlank() || spec.trim().equalsIgnoreCase("none")) return NONE;
        String[] parts = spec.trim().split("\\s*[-–]\\s*");
        if (parts.length != 2) throw new IllegalArgumentException("quiet hours look like 21:00-08:00, got '" + spec + "'");
        return new QuietHours(LocalTime.parse(pad(parts[0])), LocalTime.parse(pad(parts[1])));
    }

    private static String pad(String t) {
        return t.length() == 4 ? "0" + t : t;
    }

    public boolean isNone() {
        return start.equals(end);
    }

    public boolean isQuiet(LocalTime t) {
        if (isNone()) return false;
        return start.isBefore(end) ? !t.isBefore(start) && t.isBefore(end) : !t.isBefore(start) || t.isBefore(end);
    }

    /** When the quiet window containing {@code now} ends (only meaningful while quiet). */
    public LocalDateTime endAfter(LocalDateTime now) {
        LocalDateTime candidate = now.toLocalDate().atTime(end);
        return candidate.isAfter(now) ? candidate : candidate.plusDays(1);
    }

    @Override
    public String toString() {
        return isNone() ? "none" : start + "-" + end;
    }
}
