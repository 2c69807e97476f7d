package dev.rekindle.shop;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
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
    public ShopProfile(@Value("${rekindle.shop.name:暖心小铺}") String name,
            @Value("${rekindle.shop.signature:暖心小铺}") String signature,
            @Value("${rekindle.shop.zone:Asia/Shanghai}") String zone) {
        this(name, signature, ZoneId.of(zone), Clock.system(ZoneId.of(zone)));
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
