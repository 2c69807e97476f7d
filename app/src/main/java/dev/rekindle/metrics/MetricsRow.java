package dev.rekindle.metrics;

/**
 * The figures of one group (or of everyone). Rates are fractions 0–1; NaN when there is nobody to divide by.
 *
 * @param repeat30Cohort customers whose first purchase in the group left 30 days before the period's end
 * @param repeat30       of those, how many bought again within 30 days of it
 */
record MetricsRow(String group, long customers, long repeatCustomers, long orders, double revenue,
        long repeat30Cohort, long repeat30, long membersCohort, long membersRepeat30, long othersCohort, long othersRepeat30) {

    double repeatRate() {
        return ratio(repeatCustomers, customers);
    }

    double purchaseFrequency() {
        return ratio(orders, customers);
    }

    double aov() {
        return orders == 0 ? Double.NaN : revenue / orders;
    }

    /** purchase frequency × AOV, which is revenue per customer. */
    double customerValue() {
        return purchaseFrequency() * aov();
    }

    double repeat30Rate() {
        return ratio(repeat30, repeat30Cohort);
    }

    double membersRepeat30Rate() {
        return ratio(membersRepeat30, membersCohort);
    }

    double othersRepeat30Rate() {
        return ratio(othersRepeat30, othersCohort);
    }

    private static double ratio(long a, long b) {
        return b == 0 ? Double.NaN : (double) a / b;
    }
}
