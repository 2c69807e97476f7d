package dev.rekindle.predict;

/**
 * One customer's purchase history as the models see it, on the calendar days of the shop: several orders on
 * the same day count as one purchase. Time is kept in whole days; the models work in weeks.
 *
 * @param frequency   repeat purchase days: days with a purchase after the first one
 * @param recencyDays days from the first to the last purchase day (0 for one-time buyers)
 * @param ageDays     days from the first purchase day to the as-of date ("T")
 * @param monetary    mean spend per repeat purchase day, the first day left out; 0 when there is none
 */
public record RepeatPurchases(int frequency, int recencyDays, int ageDays, double monetary) {

    static final double DAYS_PER_WEEK = 7.0;

    public RepeatPurchases {
        if (frequency < 0 || recencyDays < 0 || ageDays < recencyDays || (frequency > 0 && recencyDays == 0)) {
            throw new IllegalArgumentException("inconsistent summary: frequency " + frequency + ", recency "
                    + recencyDays + " days, age " + ageDays + " days");
        }
    }

    public double recencyWeeks() {
        return recencyDays / DAYS_PER_WEEK;
    }

    public double ageWeeks() {
        return ageDays / DAYS_PER_WEEK;
    }
}
