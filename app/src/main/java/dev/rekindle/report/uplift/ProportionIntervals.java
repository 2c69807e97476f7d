package dev.rekindle.report.uplift;

/**
 * Score intervals for one proportion and for the difference of two. Campaign conversion rates are small
 * (a few percent) and holdout groups often small too: there the textbook Wald interval (p ± z·se) has far
 * below its nominal coverage, collapses to a width of zero when a group has no buyer, and can leave [-1, 1].
 * Wilson's score interval and Newcombe's hybrid built from it keep close to 95% coverage at such counts
 * (Newcombe 1998, "Interval estimation for the difference between independent proportions", method 10).
 */
public final class ProportionIntervals {

    private ProportionIntervals() {
    }

    /** Wilson score interval for {@code x} successes out of {@code n}; {@code z} is the normal quantile. */
    public static Interval wilson(long x, long n, double z) {
        if (n <= 0) {
            return Interval.NONE;
        }
        double p = (double) x / n;
        double z2 = z * z;
        double centre = (p + z2 / (2.0 * n)) / (1 + z2 / n);
        double half = z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new Interval(Math.max(0, centre - half), Math.min(1, centre + half));
    }

    /** Newcombe's hybrid score interval for x1/n1 - x2/n2. */
    public static Interval newcombeDifference(long x1, long n1, long x2, long n2, double z) {
        if (n1 <= 0 || n2 <= 0) {
            return Interval.NONE;
        }
        double p1 = (double) x1 / n1;
        double p2 = (double) x2 / n2;
        Interval w1 = wilson(x1, n1, z);
        Interval w2 = wilson(x2, n2, z);
        double d = p1 - p2;
        double low = d - Math.sqrt(square(p1 - w1.low()) + square(w2.high() - p2));
        double high = d + Math.sqrt(square(w1.high() - p1) + square(p2 - w2.low()));
        return new Interval(low, high);
    }

    private static double square(double v) {
        return v * v;
    }
}
