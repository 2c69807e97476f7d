/**
 * The articles' retention metrics over a period: repeat purchase rate, purchase frequency, AOV, customer
 * value, and the 30-day repeat rate of members against everyone else, overall or by month, member level,
 * city, province or category.
 */
package dev.rekindle.metrics;
