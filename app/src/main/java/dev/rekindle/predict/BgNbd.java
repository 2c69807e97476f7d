package dev.rekindle.predict;

import org.hipparchus.special.Gamma;

/**
 * The BG/NBD model of Fader, Hardie &amp; Lee, "Counting Your Customers the Easy Way" (Marketing Science,
 * 2005). While alive, a customer buys at a Poisson rate drawn from Gamma(r, alpha); after every purchase they
 * may drop out with a probability drawn from Beta(a, b). Time is in weeks.
 *
 * <p>Everything is computed in logarithms where a plain formula would overflow: customers with hundreds of
 * purchases make powers like ((alpha+T)/(alpha+tx))^(r+x) and the hypergeometric function huge on their own.
 */
public record BgNbd(double r, double alpha, double a, double b) {

    private static final double SERIES_TOLERANCE = 1e-14;
    private static final int SERIES_MAX_TERMS = 1_000_000;

    public BgNbd {
        if (!(r > 0 && alpha > 0 && a > 0 && b > 0) || !Double.isFinite(r + alpha + a + b)) {
            throw new IllegalArgumentException("BG/NBD parameters must be positive and finite: r=" + r
                    + " alpha=" + alpha + " a=" + a + " b=" + b);
        }
    }

    /**
     * P(alive | x, tx, T): the chance the customer has not dropped out. A customer without repeat purchases
     * has had no chance to drop out yet in this model (drop-out happens right after a purchase), so it is 1.
     */
    public double pAlive(RepeatPurchases s) {
        if (s.frequency() == 0) {
            return 1.0;
        }
        return 1.0 / (1.0 + Math.exp(logDeadToAliveOdds(s)));
    }

    /** log of a/(b+x-1) · ((alpha+T)/(alpha+tx))^(r+x): the odds of having dropped out after the last purchase. */
    private double logDeadToAliveOdds(RepeatPurchases s) {
        int x = s.frequency();
        return Math.log(a / (b + x - 1))
                + (r + x) * (Math.log(alpha + s.ageWeeks()) - Math.log(alpha + s.recencyWeeks()));
    }

    /**
     * E[Y(t) | x, tx, T]: expected purchase days in the next {@code weeks} weeks (equation 10 of the paper).
     *
     * <p>Written as (a+b+x-1) · [(1 - (1-z)^(a-1) · 2F1(a+b-1-r, a-1; a+b+x-1; z)) / (a-1)] · P(alive), with
     * z = t/(alpha+T+t): Euler's transformation 2F1(A,B;C;z) = (1-z)^(C-A-B) 2F1(C-A,C-B;C;z) turns the
     * paper's 2F1(r+x, b+x; a+b+x-1; z), which grows like (1-z)^-(r+x), into a series with small
     * parameters, and the factor a-1 is divided out of the series by hand, so that a = 1 is no special case.
     */
    public double expectedPurchases(double weeks, RepeatPurchases s) {
        if (weeks < 0) {
            throw new IllegalArgumentException("weeks must not be negative: " + weeks);
        }
        if (weeks == 0) {
            return 0;
        }
        int x = s.frequency();
        double z = weeks / (alpha + s.ageWeeks() + weeks);
        double log1mz = Math.log1p(-z);
        double eps = a - 1;
        double c = a + b + x - 1;
        // (1 - (1-z)^eps · (1 + eps·G)) / eps  =  -expm1(eps·ln(1-z))/eps  -  (1-z)^eps · G
        double head = eps == 0 ? -log1mz : -Math.expm1(eps * log1mz) / eps;
        double bracket = head - Math.exp(eps * log1mz) * seriesWithoutFactorB(a + b - 1 - r, eps, c, z);
        return c * bracket * pAlive(s);
    }

    /**
     * G with 2F1(A, eps; C; z) = 1 + eps·G, that is G = sum over k ≥ 1 of (A)_k (eps+1)_(k-1) z^k / ((C)_k k!).
     * Converges geometrically (ratio → z &lt; 1); a C at a non-positive integer (possible only for a+b ≤ 1) is
     * moved by a hair, as the function is continuous in C there in all cases the model can reach.
     */
    static double seriesWithoutFactorB(double aa, double eps, double c, double z) {
        if (c <= 0 && Math.abs(c - Math.rint(c)) < 1e-9) {
            c += 1e-9;
        }
        double term = aa * z / c;
        double sum = term;
        for (int k = 1; k < SERIES_MAX_TERMS && Math.abs(term) > SERIES_TOLERANCE * Math.abs(sum); k++) {
            term *= (aa + k) * (eps + k) * z / ((c + k) * (k + 1));
            sum += term;
        }
        return sum;
    }

    /** log-likelihood of one customer's (x, tx, T) (equation 6 of the paper), for tests and explanations. */
    public double logLikelihood(RepeatPurchases s) {
        int x = s.frequency();
        double common = Gamma.logGamma(r + x) - Gamma.logGamma(r) + r * Math.log(alpha)
                + Gamma.logGamma(b + x) - Gamma.logGamma(a + b + x) - Gamma.logGamma(b) + Gamma.logGamma(a + b)
                - (r + x) * Math.log(alpha + s.ageWeeks());
        return x == 0 ? common : common + softplus(logDeadToAliveOdds(s));
    }

    /** log(1 + e^d) without overflow. */
    static double softplus(double d) {
        return d > 0 ? d + Math.log1p(Math.exp(-d)) : Math.log1p(Math.exp(d));
    }
}
