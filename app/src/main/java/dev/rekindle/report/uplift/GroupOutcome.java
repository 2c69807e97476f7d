package dev.rekindle.report.uplift;

/**
 * What one group (contacted or holdout) did within the window: how many customers it has, how many of them
 * ordered, and the revenue they brought (its sum and sum of squares, for the variance per customer; customers
 * who did not order count with zero revenue).
 */
public record GroupOutcome(long customers, long buyers, double revenue, double revenueSquares) {

    public static final GroupOutcome EMPTY = new GroupOutcome(0, 0, 0, 0);

    public GroupOutcome {
        if (customers < 0 || buyers < 0 || buyers > customers) {
            throw new IllegalArgumentException("need 0 <= buyers <= customers, got " + buyers + " of " + customers);
        }
    }

    /** A group of {@code customers} of whom {@code buyers} ordered, with no revenue figures. */
    public static GroupOutcome of(long customers, long buyers) {
        return new GroupOutcome(customers, buyers, 0, 0);
    }

    /** This group with one more customer, who spent {@code revenue} (0 = did not order). */
    public GroupOutcome plus(double revenue, boolean ordered) {
        return new GroupOutcome(customers + 1, buyers + (ordered ? 1 : 0), this.revenue + revenue,
                revenueSquares + revenue * revenue);
    }

    /** Conversion rate, or NaN for an empty group. */
    public double rate() {
        return customers == 0 ? Double.NaN : (double) buyers / customers;
    }

    /** Mean revenue per customer (buyers and non-buyers), or NaN for an empty group. */
    public double revenuePerCustomer() {
        return customers == 0 ? Double.NaN : revenue / customers;
    }

    /** Sample variance of revenue per customer (n - 1), or NaN below two customers. */
    public double revenueVariance() {
        if (customers < 2) {
            return Double.NaN;
        }
        double v = (revenueSquares - revenue * revenue / customers) / (customers - 1);
        return Math.max(0, v); // rounding can make a zero variance slightly negative
    }
}
