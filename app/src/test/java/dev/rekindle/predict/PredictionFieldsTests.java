package dev.rekindle.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rekindle.support.ShellTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Predictions are fields of the filter language: segments can target customers who are slipping away. */
class PredictionFieldsTests extends ShellTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Test
    void shouldSelectCustomersByTheirPredictedChanceOfStillBuying() {
        run("demo reset --customers 600 --yes");
        assertEquals(0, run("segments refresh").exit());
        assertEquals(0, run("predict refresh").exit());
        long expected = jdbc.sql("SELECT count(*) FROM predictions WHERE p_alive < 0.5 AND clv_365d >= 0")
                .query(Long.class).single();
        assertTrue(expected > 0, "the demo shop has customers slipping away");

        Result defined = run("segments define slipping --where \"p_alive < 0.5 and clv_365d >= 0\"");
        assertEquals(0, defined.exit(), defined.all());
        Result shown = run("segments show slipping --limit 100000 --format csv");

        assertEquals(0, shown.exit(), shown.all());
        assertEquals(expected, shown.out().lines().count() - 1, shown.out().lines().limit(3).toList().toString());
        assertTrue(run("segments fields").out().contains("p_alive"));
    }
}
