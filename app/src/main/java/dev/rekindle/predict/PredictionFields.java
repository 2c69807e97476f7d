package dev.rekindle.predict;

import dev.rekindle.filter.FilterField;
import dev.rekindle.filter.FilterFieldProvider;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The predictions as fields of the filter language, e.g. {@code segments define slipping --where
 * "m >= 4 and p_alive < 0.5"}. Customers without a prediction (never bought, or predict refresh not run)
 * have no value, so they never match a comparison.
 */
@Component
class PredictionFields implements FilterFieldProvider {

    @Override
    public List<FilterField> fields() {
        return List.of(
                FilterField.number("p_alive", "probability the customer still buys, 0–1 (predict refresh)",
                        "(SELECT p.p_alive FROM predictions p WHERE p.customer_id = c.id)"),
                FilterField.number("expected_orders_90d", "expected purchase days in the next 90 days (predict refresh)",
                        "(SELECT p.expected_orders_90d FROM predictions p WHERE p.customer_id = c.id)"),
                FilterField.number("clv_365d", "expected value of the next 365 days in yuan (predict refresh)",
                        "(SELECT p.clv_365d FROM predictions p WHERE p.customer_id = c.id)"));
    }
}
