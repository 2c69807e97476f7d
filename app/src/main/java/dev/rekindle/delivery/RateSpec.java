package dev.rekindle.delivery;

import dev.rekindle.i18n.Tr;
import java.time.Duration;
import java.util.Locale;

/**
 * A rate as operators write it: {@code 50/s}, {@code 20/min}, {@code 1000/h}, or {@code unlimited}.
 *
 * @param tokens messages per period (0 = unlimited)
 */
public record RateSpec(long tokens, Duration period) {

    public static final RateSpec UNLIMITED = new RateSpec(0, Duration.ofSeconds(1));

    public static RateSpec parse(String spec) {
        String s = spec.trim().toLowerCase(Locale.ROOT);
        if (s.isEmpty() || s.equals("unlimited") || s.equals("none") || s.equals("0")) return UNLIMITED;
        int slash = s.indexOf('/');
        long n;
        try {
            if (slash < 0) return perSecond(Double.parseDouble(s));
            n = Long.parseLong(s.substring(0, slash).trim());
        } catch (NumberFormatException e) {
            // "For input string" means nothing to an operator
            throw notARate(spec);
        }
        Duration period = switch (s.substring(slash + 1).trim()) {
            case "s", "sec", "second" -> Duration.ofSeconds(1);
            case "m", "min", "minute" -> Duration.ofMinutes(1);
            case "h", "hour" -> Duration.ofHours(1);
            default -> throw notARate(spec);
        };
        if (n < 0) throw new IllegalArgumentException(Tr.f("a rate cannot be negative: %s", spec));
        return new RateSpec(n, period);
    }

    private static IllegalArgumentException notARate(String spec) {
        return new IllegalArgumentException(Tr.f("a rate looks like 50/s, 20/min or 1000/h, got '%s'", spec));
    }

    /** From a channel's messages-per-second figure (may be fractional, e.g. 20 a minute = 0.333). */
    public static RateSpec perSecond(double perSecond) {
        if (perSecond <= 0) return UNLIMITED;
        if (perSecond >= 1 && perSecond == Math.rint(perSecond)) return new RateSpec((long) perSecond, Duration.ofSeconds(1));
        // keep the precision of small rates by counting per hour
        return new RateSpec(Math.max(1, Math.round(perSecond * 3600)), Duration.ofHours(1));
    }

    public boolean unlimited() {
        return tokens <= 0;
    }

    public double perSecond() {
        return unlimited() ? 0 : tokens / (period.toNanos() / 1e9);
    }

    @Override
    public String toString() {
        if (unlimited()) return "unlimited";
        double ps = perSecond();
        if (ps >= 1) return (ps == Math.rint(ps) ? String.valueOf((long) ps) : String.format("%.1f", ps)) + "/s";
        double pm = ps * 60;
        return (pm == Math.rint(pm) ? String.valueOf((long) pm) : String.format("%.1f", pm)) + "/min";
    }
}
