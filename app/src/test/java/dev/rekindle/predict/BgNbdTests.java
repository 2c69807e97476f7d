package dev.rekindle.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The BG/NBD formulas on values checked by hand or against a plain, untransformed evaluation. */
class BgNbdTests {

    private static final BgNbd CDNOW = new BgNbd(0.243, 4.414, 0.793, 2.426);

    @Test
    void aCustomerWithoutRepeatPurchasesIsAliveForSure() {
        assertEquals(1.0, CDNOW.pAlive(new RepeatPurchases(0, 0, 300, 0)));
        assertEquals(1.0, CDNOW.pAlive(new RepeatPurchases(0, 0, 0, 0)));
    }

    @Test
    void pAliveShouldEqualTheHandComputedOdds() {
        // r=1, alpha=1, a=1, b=2; x=1, tx=1 week, T=3 weeks: odds of having dropped out
        // a/(b+x-1) · ((alpha+T)/(alpha+tx))^(r+x) = 1/2 · (4/2)^2 = 2, so P(alive) = 1/3
        BgNbd m = new BgNbd(1, 1, 1, 2);
        assertEquals(1.0 / 3, m.pAlive(new RepeatPurchases(1, 7, 21, 10)), 1e-12);
    }

    @Test
    void pAliveShouldFallTheLongerTheSilenceAndRiseWithALaterLastPurchase() {
        double previous = 1;
        for (int age = 100; age <= 700; age += 50) {
            double p = CDNOW.pAlive(new RepeatPurchases(3, 100, age, 20));
            assertTrue(p < previous, "P(alive) should fall with T, at " + age + " days: " + p);
            previous = p;
        }
        previous = 0;
        for (int recency = 10; recency <= 300; recency += 30) {
            double p = CDNOW.pAlive(new RepeatPurchases(3, recency, 300, 20));
            assertTrue(p > previous, "P(alive) should rise with recency, at " + recency + " days: " + p);
            previous = p;
        }
    }

    @Test
    void expectedPurchasesShouldGrowWithTheHorizonAndStartAtZero() {
        RepeatPurchases s = new RepeatPurchases(4, 150, 200, 30);
        assertEquals(0.0, CDNOW.expectedPurchases(0, s));
        double previous = 0;
        for (double weeks = 1; weeks <= 200; weeks *= 2) {
            double e = CDNOW.expectedPurchases(weeks, s);
            assertTrue(e > previous, "E[Y(t)] should grow with t, at " + weeks + " weeks: " + e);
            previous = e;
        }
    }

    @Test
    void expectedPurchasesShouldEqualThePapersUntransformedFormula() {
        // equation 10 with the plain 2F1(r+x, b+x; a+b+x-1; z) series, fine for a small z and a moderate x
        BgNbd m = new BgNbd(0.5, 6, 1.7, 3.1);
        RepeatPurchases s = new RepeatPurchases(3, 70, 140, 0);
        double t = 4;
        double x = s.frequency();
        double z = t / (m.alpha() + s.ageWeeks() + t);
        double hyper = plainHypergeometric(m.r() + x, m.b() + x, m.a() + m.b() + x - 1, z);
        double numerator = (m.a() + m.b() + x - 1) / (m.a() - 1)
                * (1 - Math.pow((m.alpha() + s.ageWeeks()) / (m.alpha() + s.ageWeeks() + t), m.r() + x) * hyper);
        double denominator = 1 + m.a() / (m.b() + x - 1)
                * Math.pow((m.alpha() + s.ageWeeks()) / (m.alpha() + s.recencyWeeks()), m.r() + x);
        assertEquals(numerator / denominator, m.expectedPurchases(t, s), 1e-12);
    }

    @Test
    void withoutDropOutTheExpectationIsThePosteriorRateTimesTheHorizon() {
        // a → 0: nobody drops out, and E[Y(t)] = E[λ | x, T]·t = (r+x)/(alpha+T)·t (Gamma-Poisson)
        BgNbd m = new BgNbd(0.8, 5, 1e-9, 2);
        RepeatPurchases s = new RepeatPurchases(5, 210, 280, 0);
        assertEquals((0.8 + 5) / (5 + 40) * 13, m.expectedPurchases(13, s), 1e-6);
    }

    @Test
    void aEqualToOneIsNoSingularity() {
        RepeatPurchases s = new RepeatPurchases(2, 60, 120, 0);
        double at = new BgNbd(0.3, 4, 1.0, 2.5).expectedPurchases(10, s);
        double below = new BgNbd(0.3, 4, 1.0 - 1e-7, 2.5).expectedPurchases(10, s);
        double above = new BgNbd(0.3, 4, 1.0 + 1e-7, 2.5).expectedPurchases(10, s);
        assertTrue(Double.isFinite(at) && at > 0, "finite at a = 1: " + at);
        assertEquals((below + above) / 2, at, 1e-9);
    }

    @Test
    void heavyBuyersShouldGiveFiniteNumbers() {
        // 400 purchase days: the untransformed 2F1 would overflow a double
        RepeatPurchases s = new RepeatPurchases(400, 728, 730, 50);
        double e = CDNOW.expectedPurchases(52, s);
        assertTrue(Double.isFinite(e) && e > 0, "E = " + e);
        assertTrue(Double.isFinite(CDNOW.logLikelihood(s)));
        assertTrue(CDNOW.pAlive(s) > 0.9);
    }

    @Test
    void bothFormsOfTheExpectationShouldAgreeWhereBothAreExact() {
        for (double a : new double[]{0.3, 0.79, 1.5, 3, 8}) {
            for (int x : new int[]{0, 1, 4, 20, 400}) { // 400: the plain 2F1 reaches 1e396, summed in logs
                for (double z : new double[]{0.05, 0.3, 0.6, 0.9}) {
                    BgNbd m = new BgNbd(0.4, 5, a, 2.5);
                    double log1mz = Math.log1p(-z);
                    double near = m.bracketNearOne(x, z, log1mz);
                    double direct = m.bracketDirect(x, z, log1mz);
                    assertEquals(near, direct, 1e-9 * Math.abs(near), "a=" + a + " x=" + x + " z=" + z);
                }
            }
        }
    }

    @Test
    void aBetaThatBecameAPointMassShouldGiveTheFixedDropOutExpectation() {
        // a, b → ∞ with a/(a+b) = p: every purchase is followed by drop-out with probability p, and
        // E[Y(t) | alive] = E_λ[(1 - e^(-λ·p·t))/p] = (1 - ((alpha+T)/(alpha+T+p·t))^(r+x))/p
        double p = 0.08;
        BgNbd m = new BgNbd(0.5, 0.6, 1e7 * p, 1e7 * (1 - p));
        RepeatPurchases s = new RepeatPurchases(6, 300, 420, 0);
        double t = 52;
        double alive = (1 - Math.pow((0.6 + 60) / (0.6 + 60 + p * t), 0.5 + 6)) / p;
        double e = m.expectedPurchases(t, s);
        assertTrue(Double.isFinite(e), "E = " + e);
        assertEquals(alive * m.pAlive(s), e, 1e-5 * e);
    }

    @Test
    void logLikelihoodOfAOneTimeBuyerShouldMatchTheClosedForm() {
        // x = 0: L = B(a, b)/B(a, b) · (alpha/(alpha+T))^r = (alpha/(alpha+T))^r
        RepeatPurchases s = new RepeatPurchases(0, 0, 70, 0);
        assertEquals(CDNOW.r() * Math.log(CDNOW.alpha() / (CDNOW.alpha() + 10)), CDNOW.logLikelihood(s), 1e-12);
    }

    @Test
    void invalidParametersAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new BgNbd(0, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new BgNbd(1, Double.NaN, 1, 1));
    }

    private static double plainHypergeometric(double a, double b, double c, double z) {
        double term = 1;
        double sum = 1;
        for (int k = 0; k < 10_000 && Math.abs(term) > 1e-17 * sum; k++) {
            term *= (a + k) * (b + k) / ((c + k) * (k + 1)) * z;
            sum += term;
        }
        return sum;
    }
}
