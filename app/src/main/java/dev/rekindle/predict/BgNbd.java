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
public record BgNbd(double r, double alpha, double a, double b) implements RepeatModel {

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
     * E[Y(t) | x, tx, T]: expected purchase days in the next {@code weeks} weeks (equation 10 of the paper),
     * (a+b+x-1) · Q · P(alive) with Q = (1 - (1-z)^(r+x) · 2F1(r+x, b+x; a+b+x-1; z)) / (a-1) and
     * z = t/(alpha+T+t). Q is computed in whichever of two forms is exact for the parameters at hand (see
     * {@link #bracketNearOne} and {@link #bracketDirect}).
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
        return (a + b + x - 1) * bracket(x, z) * pAlive(s);
    }

    /** Q = (1 - (1-z)^(r+x) · 2F1(r+x, b+x; a+b+x-1; z)) / (a-1), in whichever form is exact here. */
    double bracket(int x, double z) {
        double log1mz = Math.log1p(-z);
        return Math.abs((a - 1) * log1mz) <= 1 ? bracketNearOne(x, z, log1mz) : bracketDirect(x, z, log1mz);
    }

    /**
     * Q for (a-1)·ln(1-z) near 0, where the direct form would lose every digit to 1 - (1-z)^(a-1)·… ≈ 0/0:
     * Euler's transformation 2F1(A,B;C;z) = (1-z)^(C-A-B) 2F1(C-A,C-B;C;z) turns the paper's 2F1, which
     * grows like (1-z)^-(r+x), into 2F1(a+b-1-r, a-1; a+b+x-1; z) = 1 + (a-1)·G with small parameters, and the
     * factor a-1 is divided out by hand, so that a = 1 is no special case:
     * Q = -expm1((a-1)·ln(1-z))/(a-1) - (1-z)^(a-1)·G.
     */
    double bracketNearOne(int x, double z, double log1mz) {
        double eps = a - 1;
        double head = eps == 0 ? -log1mz : -Math.expm1(eps * log1mz) / eps;
        return head - Math.exp(eps * log1mz) * seriesWithoutFactorB(a + b - 1 - r, eps, a + b + x - 1, z);
    }

    /**
     * Q as written, for |(a-1)·ln(1-z)| &gt; 1: then 1 - (1-z)^(r+x)·2F1 is far from 0/0, and the 2F1 is summed
     * in logarithms so that neither heavy buyers (2F1 beyond any double) nor fits with a huge a and b (a beta
     * that has become a point mass, where the transformed series would need millions of terms) break it.
     */
    double bracketDirect(int x, double z, double log1mz) {
        double logProduct = (r + x) * log1mz + logHypergeometric(r + x, b + x, a + b + x - 1, z);
        return -Math.expm1(logProduct) / (a - 1);
    }

    /**
     * log 2F1(p, q; c; z) for positive p, q, c and 0 ≤ z &lt; 1: the series of positive terms, rescaled
     * whenever the sum grows large. It stops once the terms are negligible and can only shrink from there
     * (past the largest term ratio).
     */
    static double logHypergeometric(double p, double q, double c, double z) {
        double sum = 1;
        double term = 1;
        double logScale = 0;
        // the term ratio (p+k)(q+k)z/((c+k)(k+1)) is largest near this k; only past it can the sum stop early
        double peak = (z * (p + q) - c - 1) / (2 * (1 - z));
        for (int k = 0; k < SERIES_MAX_TERMS; k++) {
            double ratio = (p + k) * (q + k) * z / ((c + k) * (k + 1));
            term *= ratio;
            sum += term;
            if (sum > 1e250) {
                logScale += Math.log(sum);
                term /= sum;
                sum = 1;
            }
            if (term <= SERIES_TOLERANCE * sum && ratio < 1 && k > peak) {
                break;
            }
        }
        return logScale + Math.log(sum);
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
