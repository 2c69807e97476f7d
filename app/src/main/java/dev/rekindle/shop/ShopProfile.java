package dev.rekindle.shop;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The shop Rekindle works for ({@code rekindle.shop.*}). "Today" is the shop's today: as-of dates,
 * quiet hours and birthdays are all in the shop's time zone, not the server's.
 */
@Component
public class ShopProfile {

    private final String name;
    private final String signature;
    private final ZoneId zone;
    private final Clock clock;

    @Autowired
    public ShopProfile(ShopProperties shop, ClockProperties clock) {
        this(shop.name(), shop.signature(), shop.zone(), clock(shop.zone(), clock.now()));
    }

    /**
     * The real clock, or for rehearsals and replay tests one that starts at {@code rekindle.clock.now}
     * (shop-local, e.g. {@code 2027-01-05T09:30}) and runs on from there, so that a month of daily runs can be
     * played in minutes. Never set by default.
     */
    static Clock clock(ZoneId zone, String clockNow) {
        Clock system = Clock.system(zone);
        if (clockNow == null || clockNow.isBlank()) {
            return system;
        }
        LocalDateTime start;
        try {
            start = clockNow.strip().length() <= 10 ? java.time.LocalDate.parse(clockNow.strip()).atStartOfDay()
                    : LocalDateTime.parse(clockNow.strip().replace(' ', 'T'));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("rekindle.clock.now must be a local date-time like 2027-01-05T09:30, not '"
                    + clockNow + "'", e);
        }
        return Clock.offset(system, java.time.Duration.between(system.instant(), start.atZone(zone).toInstant()));
    }

    public ShopProfile(String name, String signature, ZoneId zone, Clock clock) {
        this.name = name;
        this.signature = signature;
        this.zone = zone;
        this.clock = clock.withZone(zone);
    }

    public String name() {
        return name;
    }

    /** The SMS signature, shown as 【signature】. */
    public String signature() {
        return signature;
    }

    public ZoneId zone() {
        return zone;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public LocalDateTime now() {
        return LocalDateTime.now(clock).withNano(0);
    }

    public Clock clock() {
        return clock;
    }
}
