package dev.rekindle.strategy;

import dev.rekindle.api.PlanContext;
import dev.rekindle.api.Product;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@link PlanContext} of a day with the shop's products in it (new-product trials read launch dates and
 * categories). Products launched after the day do not exist yet for its plan.
 */
@Component
public class PlanContexts {

    private final JdbcTemplate jdbc;

    public PlanContexts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public PlanContext forDay(LocalDate asOf) {
        List<Product> products = jdbc.query("""
                SELECT product_id, title, category, lifespan_days, launched_on FROM products
                WHERE launched_on IS NULL OR launched_on <= ? ORDER BY product_id""", (rs, n) -> {
            int days = rs.getInt(4);
            Integer lifespan = rs.wasNull() ? null : days;
            String launched = rs.getString(5);
            return new Product(rs.getString(1), rs.getString(2), rs.getString(3), lifespan,
                    launched == null ? null : LocalDate.parse(launched));
        }, asOf.toString());
        return new PlanContext(asOf, products);
    }
}
