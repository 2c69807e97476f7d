package dev.rekindle.filter;

import java.util.List;

/**
 * Adds fields to the filter language. A feature that owns data about customers (predictions, the delivery
 * ledger…) declares a Spring bean implementing this; its fields then work in {@code segments define} and
 * everywhere segments are used. Names must be unique across providers.
 */
public interface FilterFieldProvider {

    List<FilterField> fields();
}
