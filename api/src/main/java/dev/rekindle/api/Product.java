package dev.rekindle.api;

import java.time.LocalDate;

/**
 * One of the shop's products as {@code products import} loaded it.
 *
 * @param id           the item code order reports carry (商家编码 / 商品ID)
 * @param category     null when the shop has not said
 * @param lifespanDays how long one purchase lasts, or null
 * @param launchedOn   the day it went on sale, or null
 */
public record Product(String id, String title, String category, Integer lifespanDays, LocalDate launchedOn) {
}
