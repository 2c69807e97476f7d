package dev.rekindle.shop;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * For rehearsals and replay tests only (rekindle.clock.now).
 *
 * @param now start the shop's clock at this local time, e.g. 2027-01-05T09:30 (it runs on from
 *            there); empty = the real clock
 */
@ConfigurationProperties("rekindle.clock")
public record ClockProperties(String now) {
}
