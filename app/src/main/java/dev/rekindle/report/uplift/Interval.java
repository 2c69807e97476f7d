package dev.rekindle.report.uplift;

/** A two-sided confidence interval; {@link #NONE} when the data cannot give one. */
public record Interval(double low, double high) {

    public static final Interval NONE = new Interval(Double.NaN, Double.NaN);

    public boolean known() {
        return !Double.isNaN(low) && !Double.isNaN(high);
    }

    public boolean excludesZero() {
        return known() && (low > 0 || high < 0);
    }

    public Interval times(double factor) {
        return known() ? new Interval(Math.min(low * factor, high * factor), Math.max(low * factor, high * factor)) : NONE;
    }
}
