/**
 * Places: the province and city of a member's city field or a delivery address, in one short form
 * (上海市 → 上海, 广东省深圳市南山区… → 广东 / 深圳), from a bundled administrative-division table
 * (province and prefecture level), so that reports and filters group each place once.
 */
package dev.rekindle.place;
