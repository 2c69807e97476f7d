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

    /**
     * Koopman's (1984) score interval for the risk ratio (x1/n1) / (x2/n2): every ratio the score test does not
     * reject, found by bisection on the log scale. Unlike the Katz log interval it needs no buyer in either group
     * and does not collapse to a point when both groups are at 100 % (Katz gives [1, 1] there). Unbounded above
     * when the second group has no buyer ({@code high} is then +infinity); NONE when neither has one.
     */
    public static Interval koopmanRatio(long x1, long n1, long x2, long n2, double z) {
        if (n1 <= 0 || n2 <= 0 || x1 + x2 == 0) {
            return Interval.NONE;
        }
        double critical = z * z;
        double estimate = x2 == 0 ? Double.POSITIVE_INFINITY : ((double) x1 / n1) / ((double) x2 / n2);
        double low = x1 == 0 ? 0 : ratioBound(x1, n1, x2, n2, critical, Math.min(estimate, 1e12), -1);
        double high = x2 == 0 ? Double.POSITIVE_INFINITY : ratioBound(x1, n1, x2, n2, critical, Math.max(estimate, 1e-12), +1);
        return new Interval(low, high);
    }

    /** Where the score statistic crosses the critical value, walking from the estimate in {@code direction}. */
    private static double ratioBound(long x1, long n1, long x2, long n2, double critical, double estimate, int direction) {
        double inside = Math.log(estimate);
        double outside = inside;
        double step = 0.05;
        do {
            outside += direction * step;
            step *= 2;
            if (Math.abs(outside) > 60) {
                return direction < 0 ? 0 : Double.POSITIVE_INFINITY;
            }
        } while (koopmanSquare(x1, n1, x2, n2, Math.exp(outside)) <= critical);
        for (int i = 0; i < 200 && Math.abs(outside - inside) > 1e-12; i++) {
            double mid = (inside + outside) / 2;
            if (koopmanSquare(x1, n1, x2, n2, Math.exp(mid)) <= critical) {
                inside = mid;
            } else {
                outside = mid;
            }
        }
        return Math.exp((inside + outside) / 2);
    }

    /**
     * The score statistic squared for H0: p1 = theta * p2, with the rates p1 = theta * p2 that maximise the
     * likelihood under H0 (the root of a quadratic, Koopman 1984 / Miettinen and Nurminen 1985 without their
     * n / (n - 1) factor). At theta = 1 this is the pooled two-proportion z-test squared.
     */
    static double koopmanSquare(long x1, long n1, long x2, long n2, double theta) {
        double n = n1 + n2;
        double a = n * theta;
        // p2~ solves  n*theta*p^2 - (theta*(n1 + x2) + x1 + n2) * p + (x1 + x2) = 0
        double b = -(theta * (n1 + x2) + x1 + n2);
        double c = x1 + x2;
        double disc = Math.max(0, b * b - 4 * a * c);
        double p2 = (-b - Math.sqrt(disc)) / (2 * a);
        double p1 = theta * p2;
        double variance = p1 * (1 - p1) / n1 + theta * theta * p2 * (1 - p2) / n2;
        double diff = (double) x1 / n1 - theta * x2 / n2;
        if (variance <= 0) {
            return diff == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        return diff * diff / variance;
    }

    private static double square(double v) {
        return v * v;
    }
}
