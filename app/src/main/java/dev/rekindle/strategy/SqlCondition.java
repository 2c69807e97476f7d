package dev.rekindle.strategy;

import java.util.List;

/**
 * A restriction of the audience as parameterised SQL over the aliases {@code c} (customers) and
 * {@code s} (customer_snapshot), e.g. {@code s.segment = ?}. Never built from user text by concatenation.
 *
 * @param label how the operator named it, for output
 */
public record SqlCondition(String label, String sql, List<Object> params) {

    public SqlCondition {
        params = List.copyOf(params);
    }
}
