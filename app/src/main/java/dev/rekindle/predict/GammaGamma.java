package dev.rekindle.predict;

import org.hipparchus.special.Gamma;

/**
 * The Gamma-Gamma spend model (Fader, Hardie &amp; Lee, "RFM and CLV: Using Iso-Value Curves", 2005; Colombo
 * &amp; Jiang 1999): the amounts of one customer's purchases vary around their own mean, and those means vary
 * across customers. Given x repeat purchases averaging m, the expected spend of a future purchase is a
 * weighted mean of m and the shop-wide mean p·v/(q-1): the more purchases, the more weight on m.
 * It assumes that spend does not depend on how often one buys.
 */
public record GammaGamma(double p, double q, double v) {

    public GammaGamma {
        if (!(p > 0 && q > 0 && v > 0) || !Double.isFinite(p + q + v)) {
            throw new IllegalArgumentException("Gamma-Gamma parameters must be positive and finite: p=" + p
                    + " q=" + q + " v=" + v);
        }
    }

    /** Whether the shop-wide mean spend exists: with q ≤ 1 the fitted spend distribution has no mean. */
    public boolean hasMean() {
        return q > 1;
    }

    /** The shop-wide mean spend per purchase, p·v/(q-1). */
    public double populationMean() {
        return hasMean() ? p * v / (q - 1) : Double.NaN;
    }

    /**
     * E[M | x, m]: the expected spend of this customer's future purchases. Falls back on the customer's own
     * average (or NaN without one) when the model has no mean.
     */
    public double expectedSpend(int frequency, double monetary) {
        if (!hasMean()) {
            return frequency > 0 ? monetary : Double.NaN;
        }
        return p * (v + frequency * monetary) / (p * frequency + q - 1);
    }

    /** log-likelihood of one customer's mean repeat spend m over x repeat purchases (x ≥ 1, m > 0). */
    public double logLikelihood(int frequency, double monetary) {
        double px = p * frequency;
        return Gamma.logGamma(px + q) - Gamma.logGamma(px) - Gamma.logGamma(q) + q * Math.log(v)
                + (px - 1) * Math.log(monetary) + px * Math.log(frequency) - (px + q) * Math.log(frequency * monetary + v);
    }
}
