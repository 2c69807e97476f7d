package dev.rekindle.predict;

import org.hipparchus.special.Gamma;

/**
 * The MBG/NBD model of Batislam, Denizel &amp; Filiztekin, "Empirical validation and comparison of models for
 * customer base analysis" (International Journal of Research in Marketing 24, 2007). Like BG/NBD (purchase rates
 * ~ Gamma(r, alpha), drop-out probability ~ Beta(a, b)), except that a customer may also drop out right after the
 * first purchase. So a one-time buyer who has been silent for a long time is seen to have left: BG/NBD gives every
 * one-time buyer P(alive) = 1, whatever their age, and cannot rank them.
 *
 * <p>Its conditional expectation has BG/NBD's form with b + 1 in place of b (compare equation 10 of Fader, Hardie
 * &amp; Lee 2005 with Batislam et al.'s), so it reuses {@link BgNbd}'s numerically careful bracket.
 */
public record MbgNbd(double r, double alpha, double a, double b) implements RepeatModel {

    public MbgNbd {
        if (!(r > 0 && alpha > 0 && a > 0 && b > 0) || !Double.isFinite(r + alpha + a + b)) {
            throw new IllegalArgumentException("MBG/NBD parameters must be positive and finite: r=" + r
                    + " alpha=" + alpha + " a=" + a + " b=" + b);
        }
    }

    /** P(alive | x, tx, T) = 1 / (1 + a/(b+x) · ((alpha+T)/(alpha+tx))^(r+x)), below 1 for one-time buyers too. */
    @Override
    public double pAlive(RepeatPurchases s) {
        return 1.0 / (1.0 + Math.exp(logDeadToAliveOdds(s)));
    }

    private double logDeadToAliveOdds(RepeatPurchases s) {
        int x = s.frequency();
        return Math.log(a / (b + x)) + (r + x) * (Math.log(alpha + s.ageWeeks()) - Math.log(alpha + s.recencyWeeks()));
    }

    /**
     * E[Y(t) | x, tx, T] = (a+b+x)/(a-1) · [1 - ((alpha+T)/(alpha+T+t))^(r+x) · 2F1(r+x, b+x+1; a+b+x; z)] · P(alive),
     * z = t/(alpha+T+t).
     */
    @Override
    public double expectedPurchases(double weeks, RepeatPurchases s) {
        if (weeks < 0) {
            throw new IllegalArgumentException("weeks must not be negative: " + weeks);
        }
        if (weeks == 0) {
            return 0;
        }
        int x = s.frequency();
        double z = weeks / (alpha + s.ageWeeks() + weeks);
        return (a + b + x) * new BgNbd(r, alpha, a, b + 1).bracket(x, z) * pAlive(s);
    }

    /** log-likelihood of one customer (Batislam et al. 2007, equation 3). */
    @Override
    public double logLikelihood(RepeatPurchases s) {
        int x = s.frequency();
        double common = Gamma.logGamma(r + x) - Gamma.logGamma(r) + r * Math.log(alpha)
                + Gamma.logGamma(a + b) + Gamma.logGamma(b + x + 1) - Gamma.logGamma(b) - Gamma.logGamma(a + b + x + 1)
                - (r + x) * Math.log(alpha + s.ageWeeks());
        return common + BgNbd.softplus(logDeadToAliveOdds(s));
    }
}
