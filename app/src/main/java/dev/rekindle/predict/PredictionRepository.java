package dev.rekindle.predict;

import dev.rekindle.i18n.Tr;
import dev.rekindle.store.CustomerStats;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code predictions} and {@code prediction_fits} tables, and the one read of the orders the models need:
 * purchase days per customer. Other features read predictions through the constants and finders here.
 */
@Repository
public class PredictionRepository {

    /**
     * The prediction fields for the filter language and the customer view, as SQL expressions over a customer
     * row aliased {@code c}: NULL for a customer without a prediction (never bought by the as-of date, or no
     * {@code predict refresh} yet).
     */
    public static final Map<String, String> FIELDS = Map.of(
            "p_alive", "(SELECT pr.p_alive FROM predictions pr WHERE pr.customer_id = c.id)",
            "expected_orders_90d", "(SELECT pr.expected_orders_90d FROM predictions pr WHERE pr.customer_id = c.id)",
            "clv_365d", "(SELECT pr.clv_365d FROM predictions pr WHERE pr.customer_id = c.id)");

    /** One merged purchase day of one customer, in customer and date order. */
    @FunctionalInterface
    public interface PurchaseDayHandler {
        void purchaseDay(long customerId, long epochDay, double amount);
    }

    // `customer_id + 0` keeps SQLite from walking orders_by_customer and fetching every order by rowid: one scan
    // of the table and a sort is twice as fast on 5M orders. The day is the shop-local date part of created_at.
    private static final String PURCHASE_DAYS = """
            SELECT customer_id + 0 AS customer_id, substr(created_at, 1, 10) AS day, sum(amount) AS amount
            FROM orders
            WHERE status IN %s AND created_at < ?
            GROUP BY customer_id + 0, substr(created_at, 1, 10)
            ORDER BY customer_id + 0, day""".formatted(CustomerStats.PURCHASE_STATUSES);

    // purchase occasion = order: one row per order, in time order
    private static final String PURCHASE_ORDERS = """
            SELECT customer_id + 0 AS customer_id, substr(created_at, 1, 10) AS day, amount
            FROM orders
            WHERE status IN %s AND created_at < ?
            ORDER BY customer_id + 0, created_at, id""".formatted(CustomerStats.PURCHASE_STATUSES);

    private static final String INSERT = """
            INSERT INTO predictions(customer_id, fit_id, as_of, frequency, recency_weeks, t_weeks, monetary, p_alive,
                                    expected_orders_90d, expected_spend, clv_365d)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private static final String SELECT = """
            SELECT p.customer_id, c.buyer_id, c.name, p.fit_id, p.as_of, p.frequency, p.recency_weeks, p.t_weeks,
                   p.monetary, p.p_alive, p.expected_orders_90d AS expected_orders90d, p.expected_spend,
                   p.clv_365d AS clv365d
            FROM predictions p JOIN customers c ON c.id = p.customer_id""";

    /** How {@code predict list} orders customers. */
    public enum Order {
        CLV("p.clv_365d DESC"), P_ALIVE("p.p_alive ASC"), ORDERS("p.expected_orders_90d DESC");

        private final String sql;

        Order(String sql) {
            this.sql = sql;
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public PredictionRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Customers who bought by the as-of date (an estimate from customer_stats, for the progress bar). */
    public long buyersUpTo(LocalDate asOf) {
        return jdbc.sql("SELECT count(*) FROM customer_stats WHERE first_order_at < ?")
                .param(asOf.plusDays(1).toString()).query(Long.class).single();
    }

    /**
     * Streams every customer's purchase days up to and including {@code asOf}: paid and completed orders only,
     * orders of the same day added up. Aggregated in SQL, so no order is held in memory.
     */
    public void purchaseDays(LocalDate asOf, PurchaseDayHandler handler) {
        purchases(asOf, false, handler);
    }

    /** @param eachOrder one call per order (purchase occasion = order) instead of one per customer and day */
    public void purchases(LocalDate asOf, boolean eachOrder, PurchaseDayHandler handler) {
        jdbc.sql(eachOrder ? PURCHASE_ORDERS : PURCHASE_DAYS).param(asOf.plusDays(1).toString()).query((RowCallbackHandler) rs ->
                handler.purchaseDay(rs.getLong(1), epochDay(rs.getString(2)), rs.getDouble(3)));
    }

    /** 'YYYY-MM-DD' to an epoch day without a parser per row (millions of rows). */
    static long epochDay(String day) {
        if (day == null || day.length() != 10 || day.charAt(4) != '-' || day.charAt(7) != '-') {
            throw new IllegalArgumentException(Tr.f("an order's created_at does not start with YYYY-MM-DD: '%s'", day));
        }
        int y = digits(day, 0, 4);
        int m = digits(day, 5, 7);
        int d = digits(day, 8, 10);
        return LocalDate.of(y, m, d).toEpochDay();
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                throw new IllegalArgumentException(Tr.f("an order's created_at does not start with YYYY-MM-DD: '%s'", s));
            }
            v = v * 10 + (ch - '0');
        }
        return v;
    }

    /** Replaces all predictions: call inside a transaction, then {@link #insert} in batches. */
    public long startFit(PredictionFit fit) {
        jdbc.sql("DELETE FROM predictions").update();
        jdbc.sql("""
                INSERT INTO prediction_fits(as_of, created_at, customers, repeat_customers, bg_r, bg_alpha, bg_a, bg_b,
                       bg_log_likelihood, gg_customers, gg_p, gg_q, gg_v, margin, annual_discount_rate, seconds, model,
                       calibration_weeks, calibration_customers, calibration_predicted, calibration_actual)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(fit.asOf(), fit.createdAt(), fit.customers(), fit.repeatCustomers(), fit.bgR(), fit.bgAlpha(),
                        fit.bgA(), fit.bgB(), fit.bgLogLikelihood(), fit.ggCustomers(), fit.ggP(), fit.ggQ(), fit.ggV(),
                        fit.margin(), fit.annualDiscountRate(), fit.seconds(), fit.model(), fit.calibrationWeeks(),
                        fit.calibrationCustomers(), fit.calibrationPredicted(), fit.calibrationActual())
                .update();
        return jdbc.sql("SELECT max(id) FROM prediction_fits").query(Long.class).single();
    }

    /** Rows in the column order of {@code predictions}: customer_id, fit_id, as_of, frequency, … clv_365d. */
    public void insert(List<Object[]> rows) {
        template.batchUpdate(INSERT, rows);
    }

    /** The refresh took this long, all told. */
    public void finishFit(long fitId, double seconds) {
        jdbc.sql("UPDATE prediction_fits SET seconds = ? WHERE id = ?").params(seconds, fitId).update();
    }

    public Optional<PredictionFit> fit(long id) {
        return jdbc.sql("SELECT * FROM prediction_fits WHERE id = ?").param(id).query(PredictionFit.class).optional();
    }

    /** The fit behind the current predictions, if any. */
    public Optional<PredictionFit> latestFit() {
        return jdbc.sql("SELECT * FROM prediction_fits ORDER BY id DESC LIMIT 1").query(PredictionFit.class).optional();
    }

    /** @param customerId the internal customer id */
    public Optional<Prediction> find(long customerId) {
        return jdbc.sql(SELECT + " WHERE p.customer_id = ?").param(customerId).query(Prediction.class).optional();
    }

    /** @param maxPAlive only customers with P(alive) below this (null: everyone) */
    public List<Prediction> list(Order order, Double maxPAlive, int limit) {
        List<Object> params = new ArrayList<>();
        String where = "";
        if (maxPAlive != null) {
            where = " WHERE p.p_alive < ?";
            params.add(maxPAlive);
        }
        params.add(limit);
        return jdbc.sql(SELECT + where + " ORDER BY " + order.sql + ", p.customer_id LIMIT ?").params(params)
                .query(Prediction.class).list();
    }

    /** How many customers have a prediction below the P(alive) threshold (null: all). */
    public long count(Double maxPAlive) {
        return maxPAlive == null
                ? jdbc.sql("SELECT count(*) FROM predictions").query(Long.class).single()
                : jdbc.sql("SELECT count(*) FROM predictions WHERE p_alive < ?").param(maxPAlive).query(Long.class).single();
    }
}
