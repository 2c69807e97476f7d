/**
 * Strategies (PF4J {@code Strategy} extensions from the plugins), the segmentation snapshot they plan on,
 * the customer views they decide on — streamed from the database in customer order, pre-filtered in SQL
 * ({@link dev.rekindle.strategy.CustomerViewReader}), or decoded from the rows packed when a campaign was
 * planned ({@link dev.rekindle.strategy.PackedRows}) — and {@code strategies list|show}.
 */
package dev.rekindle.strategy;
