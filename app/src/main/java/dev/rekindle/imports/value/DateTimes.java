package dev.rekindle.imports.value;

import dev.rekindle.i18n.Tr;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads order times as exports write them and returns the store's form, shop-local
 * {@code YYYY-MM-DD HH:MM:SS}. Understood without options: ISO ({@code 2024-03-05}, {@code 2024-03-05 14:30},
 * {@code 2024-03-05T14:30:00+08:00}), slashes or dots ({@code 2024/3/5 14:30}), {@code 20240305},
 * {@code 20240305143000}, Chinese ({@code 2024年3月5日 14:30}), Excel serial numbers ({@code 45356.6042}),
 * Unix seconds or milliseconds, and day/month or month/day with the year last when one part is above 12.
 * {@code --date-format} gives any other pattern (Java DateTimeFormatter letters, e.g. {@code dd.MM.yyyy HH:mm}).
 * Taobao's "never" ({@code 0000-00-00 00:00:00}) and empty cells read as null.
 */
public final class DateTimes {

    static String fix() {
        return Tr.t("Write times as YYYY-MM-DD HH:MM:SS (also understood: 2024/3/5 14:30, 20240305, "
                + "Excel date numbers), or give the file's pattern with --date-format, e.g. --date-format \"dd.MM.yyyy HH:mm\".");
    }

    private static final Pattern YEAR_FIRST = Pattern.compile(
            "(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?:[Tt ]+(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:[.,](\\d{1,9}))?)?"
                    + "\\s*(am|pm|上午|下午)?\\s*(z|[+-]\\d{2}:?\\d{2})?)?");
    private static final Pattern YEAR_LAST = Pattern.compile(
            "(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{4})(?:[T ]+(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2}))?\\s*(am|pm)?)?");
    private static final Pattern EXCEL = Pattern.compile("\\d{1,5}(?:\\.\\d+)?");
    private static final LocalDateTime EXCEL_EPOCH = LocalDateTime.of(1899, 12, 30, 0, 0);
    private static final DateTimeFormatter OUT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private final ZoneId zone;
    private final DateTimeFormatter custom;
    private final String customPattern;

    /** @param customPattern the {@code --date-format} value, or null */
    public DateTimes(ZoneId zone, String customPattern) {
        this.zone = zone;
        this.customPattern = customPattern == null || customPattern.isBlank() ? null : customPattern.strip();
        this.custom = this.customPattern == null ? null : compile(this.customPattern);
    }

    private static DateTimeFormatter compile(String pattern) {
        try {
            DateTimeFormatterBuilder b = new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern);
            // a date-only pattern means midnight; defaults only for fields the pattern lacks (else they conflict)
            String letters = pattern.replaceAll("'[^']*'", "");
            if (letters.chars().noneMatch(c -> "HhKkaB".indexOf(c) >= 0)) b.parseDefaulting(ChronoField.HOUR_OF_DAY, 0);
            if (letters.indexOf('m') < 0) b.parseDefaulting(ChronoField.MINUTE_OF_HOUR, 0);
            if (letters.indexOf('s') < 0) b.parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0);
            return b.toFormatter(Locale.ENGLISH);
        } catch (IllegalArgumentException e) {
            throw new dev.rekindle.console.UsageException(Tr.f("--date-format '%s' is not a valid pattern (%s). "
                    + "Use letters like yyyy MM dd HH mm ss, e.g. --date-format \"dd.MM.yyyy HH:mm\"", pattern, e.getMessage()));
        }
    }

    /** The store's form, or null for an empty cell or Taobao's 0000-00-00. */
    public String dateTime(String raw) {
        String s = raw == null ? "" : raw.strip();
        if (s.isEmpty()) {
            return null;
        }
        if (s.length() == 19 && isCanonical(s)) {
            return s; // the common case, millions of times: no parsing, no allocation
        }
        if (s.length() == 10) {
            String midnight = s + " 00:00:00";
            if (isCanonical(midnight)) return midnight; // a plain ISO date
        }
        if (s.startsWith("0000-00-00") || s.startsWith("0000/00/00") || s.equals("0")) {
            return null;
        }
        if (custom != null) {
            try {
                return OUT.format(LocalDateTime.from(custom.parse(s)));
            } catch (DateTimeException e) {
                // fall through: the built-in shapes may still match (mixed files)
            }
        }
        LocalDateTime t = builtIn(s.toLowerCase(Locale.ROOT));
        if (t == null) {
            if (customPattern != null) {
                throw new BadValue(Tr.f("does not match --date-format %s", customPattern), fix());
            }
            throw new BadValue(Tr.t("is not a date and time Rekindle can read"), fix());
        }
        if (t.getYear() < 1900 || t.getYear() > 2200) {
            throw new BadValue(Tr.f("is not a plausible date (year %d)", t.getYear()), fix());
        }
        return OUT.format(t);
    }

    private static final Pattern MONTH_DAY = Pattern.compile("(?:--)?(\\d{1,2})[-/.月](\\d{1,2})日?");

    /** A birthday: {@code YYYY-MM-DD}, or {@code --MM-DD} when only month and day are given (3月5日, 03-05). */
    public String birthday(String raw) {
        String s = raw == null ? "" : raw.strip();
        if (s.isEmpty()) {
            return null;
        }
        Matcher m = MONTH_DAY.matcher(s);
        if (m.matches()) {
            try {
                java.time.MonthDay md = java.time.MonthDay.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                return String.format("--%02d-%02d", md.getMonthValue(), md.getDayOfMonth());
            } catch (DateTimeException e) {
                throw new BadValue(Tr.t("is not a day of the year"), Tr.t("Write birthdays as YYYY-MM-DD, or MM-DD when the year is unknown."));
            }
        }
        try {
            return date(s);
        } catch (BadValue e) {
            throw new BadValue(Tr.t("is not a birthday"), Tr.t("Write birthdays as YYYY-MM-DD, or MM-DD when the year is unknown."));
        }
    }

    /** The date part only ({@code YYYY-MM-DD}), or null when empty. */
    public String date(String raw) {
        String t = dateTime(raw);
        return t == null ? null : t.substring(0, 10);
    }

    private LocalDateTime builtIn(String s) {
        try {
            String chinese = s.indexOf('年') > 0 ? s.replace('年', '-').replace('月', '-').replace("日", " ")
                    .replace("时", ":").replace("分", ":").replace("秒", "").strip().replaceAll(":$", "") : s;
            Matcher m = YEAR_FIRST.matcher(chinese);
            if (m.matches()) {
                return yearFirst(m);
            }
            m = YEAR_LAST.matcher(s);
            if (m.matches()) {
                return yearLast(m, s);
            }
            if (s.chars().allMatch(Character::isDigit)) {
                return digitsOnly(s);
            }
            if (EXCEL.matcher(s).matches()) {
                return excel(s);
            }
            return null;
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private LocalDateTime yearFirst(Matcher m) {
        LocalDate d = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        if (m.group(4) == null) {
            return d.atStartOfDay();
        }
        int hour = hour12(Integer.parseInt(m.group(4)), m.group(8));
        LocalTime time = LocalTime.of(hour, Integer.parseInt(m.group(5)), m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
        LocalDateTime local = d.atTime(time);
        if (m.group(9) != null) {
            // an explicit offset: convert to the shop's clock
            String offset = m.group(9).equals("z") ? "Z" : m.group(9);
            return local.atOffset(java.time.ZoneOffset.of(offset)).atZoneSameInstant(zone).toLocalDateTime();
        }
        return local;
    }

    private static int hour12(int hour, String marker) {
        if (marker == null) {
            return hour;
        }
        boolean pm = marker.equals("pm") || marker.equals("下午");
        if (hour < 1 || hour > 12) {
            throw new DateTimeException("hour " + hour + " with " + marker);
        }
        return hour % 12 + (pm ? 12 : 0);
    }

    private LocalDateTime yearLast(Matcher m, String s) {
        int a = Integer.parseInt(m.group(1));
        int b = Integer.parseInt(m.group(2));
        int day;
        int month;
        if (a > 12 && b <= 12) {
            day = a;
            month = b;
        } else if (b > 12 && a <= 12) {
            month = a;
            day = b;
        } else if (a == b) {
            day = a;
            month = a;
        } else {
            throw new BadValue(Tr.t("is ambiguous: day/month or month/day?"),
                    Tr.t("Give the order with --date-format, e.g. --date-format \"M/d/yyyy H:mm\" (month first) or "
                            + "--date-format \"d/M/yyyy H:mm\" (day first)."));
        }
        LocalDate d = LocalDate.of(Integer.parseInt(m.group(3)), month, day);
        if (m.group(4) == null) {
            return d.atStartOfDay();
        }
        return d.atTime(hour12(Integer.parseInt(m.group(4)), m.group(7)), Integer.parseInt(m.group(5)),
                m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
    }

    private LocalDateTime digitsOnly(String s) {
        switch (s.length()) {
            case 8:
                return LocalDate.parse(s, DateTimeFormatter.BASIC_ISO_DATE).atStartOfDay();
            case 12:
                return LocalDateTime.parse(s, DateTimeFormatter.ofPattern("uuuuMMddHHmm"));
            case 14:
                return LocalDateTime.parse(s, DateTimeFormatter.ofPattern("uuuuMMddHHmmss"));
            case 10:
                return LocalDateTime.ofInstant(Instant.ofEpochSecond(Long.parseLong(s)), zone);
            case 13:
                return LocalDateTime.ofInstant(Instant.ofEpochMilli(Long.parseLong(s)), zone);
            default:
                return s.length() <= 5 ? excel(s) : null;
        }
    }

    /** Excel stores dates as days since 1899-12-30 (its 1900 leap-year bug included); plausible range only. */
    private static LocalDateTime excel(String s) {
        double days = Double.parseDouble(s);
        if (days < 1000 || days > 120000) {
            return null;
        }
        long seconds = Math.round(days * 86400);
        return EXCEL_EPOCH.plusSeconds(seconds);
    }

    /** YYYY-MM-DD HH:MM:SS with valid ranges, checked without allocating. */
    static boolean isCanonical(String s) {
        if (s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != ' ' || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return false;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) {
            return false;
        }
        return day <= lengthOfMonth(year, month);
    }

    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1_000_000;
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** The store's form as a sortable number (20240305143000), for compact per-customer tallies. */
    public static long encode(String canonical) {
        long v = 0;
        for (int i = 0; i < canonical.length(); i++) {
            char c = canonical.charAt(i);
            if (c >= '0' && c <= '9') v = v * 10 + (c - '0');
        }
        return v;
    }

    public static String decode(long v) {
        String d = Long.toString(v);
        return d.substring(0, 4) + "-" + d.substring(4, 6) + "-" + d.substring(6, 8) + " " + d.substring(8, 10) + ":"
                + d.substring(10, 12) + ":" + d.substring(12, 14);
    }
}
