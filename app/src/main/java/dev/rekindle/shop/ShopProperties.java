package dev.rekindle.shop;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The shop Rekindle works for (rekindle.shop.*); defaults in the shipped application.yml.
 *
 * @param name           the shop's name, as templates show it
 * @param signature      the SMS signature, shown as 【signature】
 * @param zone           the shop's time zone: "today", as-of dates, quiet hours and birthdays use it
 * @param url            the shop's web address, for links in messages
 * @param unsubscribeUrl per-message unsubscribe link; {campaign} and {customer} are filled in (empty: the
 *                       shop's url followed by /unsubscribe with c={campaign} and u={customer})
 */
@ConfigurationProperties("rekindle.shop")
public record ShopProperties(String name, String signature, ZoneId zone, String url, String unsubscribeUrl) {
}
