package dev.rekindle.predict;

/**
 * The value a customer is expected to bring over a horizon: per period, the expected purchases in that period
 * (BG/NBD) times the expected spend per purchase (Gamma-Gamma) times the margin, discounted to today at the
 * end of the period, summed. The shop's defaults are twelve monthly periods (365 days) and a margin of 1, so
 * that the value is discounted revenue; a shop that knows its margin sets it to get discounted profit.
 *
 * @param periods           how many periods make the horizon
 * @param weeksPerPeriod    the length of one period
 * @param discountPerPeriod the discount rate per period (0.01 = 1 %)
 * @param margin            the share of revenue that counts as value (1 = revenue)
 */
public record CustomerValue(int periods, double weeksPerPeriod, double discountPerPeriod, double margin) {

    public CustomerValue {
        if (periods < 1 || !(weeksPerPeriod > 0) || !(discountPerPeriod > -1) || !(margin >= 0)) {
            throw new IllegalArgumentException("invalid value horizon: " + periods + " periods of " + weeksPerPeriod
                    + " weeks, discount " + discountPerPeriod + ", margin " + margin);
        }
    }

    /** Twelve months of 365/12 days, the annual discount rate spread evenly over them. */
    public static CustomerValue nextYear(double annualDiscountRate, double margin) {
        return new CustomerValue(12, 365.0 / 12 / RepeatPurchases.DAYS_PER_WEEK,
                Math.pow(1 + annualDiscountRate, 1.0 / 12) - 1, margin);
    }

    /** @param expectedSpend the expected spend of one future purchase (see {@link GammaGamma#expectedSpend}) */
    public double of(RepeatModel model, double expectedSpend, RepeatPurchases s) {
        double value = 0;
        double before = 0;
        double discount = 1;
        for (int k = 1; k <= periods; k++) {
            double upToNow = model.expectedPurchases(k * weeksPerPeriod, s);
            discount /= 1 + discountPerPeriod;
            value += (upToNow - before) * discount;
            before = upToNow;
        }
        return value * expectedSpend * margin;
    }
}
