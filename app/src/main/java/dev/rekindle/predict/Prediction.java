package dev.rekindle.predict;

/**
 * One customer's stored prediction (a row of {@code predictions}, with the customer's buyer id and name).
 * Weeks for time, yuan for money.
 */
public record Prediction(long customerId, String buyerId, String name, long fitId, String asOf, int frequency,
        double recencyWeeks, double tWeeks, double monetary, double pAlive, double expectedOrders90d,
        double expectedSpend, double clv365d) {

    /** Weeks between the last purchase and the as-of date. */
    public double weeksSinceLastPurchase() {
        return tWeeks - recencyWeeks;
    }
}
