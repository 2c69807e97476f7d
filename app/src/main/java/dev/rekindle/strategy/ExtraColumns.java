package dev.rekindle.strategy;

/**
 * Reads the values of the columns a caller reads together with each customer (e.g. a campaign member's
 * channel), in the order given: text, null for NULL.
 */
@FunctionalInterface
public interface ExtraColumns<T> {
    T read(String[] values);
}
