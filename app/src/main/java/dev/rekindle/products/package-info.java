/**
 * Products and categories: the shop's product list (item code, title, category, lifespan, launch date),
 * category rules for goods the list does not name, and the {@link dev.rekindle.products.Categorizer} that
 * gives each order the category of its biggest line. Replenishment reads the lifespans, new-product trials
 * the launch dates, per-category stages the customers' main categories.
 */
package dev.rekindle.products;
