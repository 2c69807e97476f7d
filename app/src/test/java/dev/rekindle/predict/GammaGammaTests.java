package dev.rekindle.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hipparchus.special.Gamma;
import org.junit.jupiter.api.Test;

class GammaGammaTests {

    private final GammaGamma model = new GammaGamma(2, 3, 10);

    @Test
    void expectedSpendShouldWeighOwnAverageWithTheShopWideMean() {
        // p(v + x·m)/(p·x + q - 1) = 2·(10 + 2·20)/(2·2 + 3 - 1) = 100/6
        assertEquals(100.0 / 6, model.expectedSpend(2, 20), 1e-12);
        assertEquals(10.0, model.populationMean(), 1e-12);
        assertEquals(model.populationMean(), model.expectedSpend(0, 0), 1e-12);
    }

    @Test
    void moreRepeatPurchasesShouldPullTheEstimateTowardsTheCustomersOwnAverage() {
        double previous = model.populationMean();
        for (int x = 1; x <= 1000; x *= 3) {
            double e = model.expectedSpend(x, 50);
            assertTrue(e > previous && e < 50, "at x = " + x + ": " + e);
            previous = e;
        }
        assertEquals(50, model.expectedSpend(1_000_000, 50), 0.01);
    }

    @Test
    void withoutAMeanTheCustomersOwnAverageIsUsed() {
        GammaGamma heavyTailed = new GammaGamma(2, 0.8, 10);
        assertTrue(!heavyTailed.hasMean());
        assertEquals(42.0, heavyTailed.expectedSpend(3, 42));
        assertTrue(Double.isNaN(heavyTailed.expectedSpend(0, 0)));
    }

    @Test
    void logLikelihoodOfOnePurchaseIsTheGammaGammaDensity() {
        // x = 1: m ~ Gamma(p, ν) with ν ~ Gamma(q, v): density Γ(p+q)/(Γ(p)Γ(q)) · v^q m^(p-1) / (m+v)^(p+q)
        double m = 25;
        double expected = Gamma.logGamma(5) - Gamma.logGamma(2) - Gamma.logGamma(3) + 3 * Math.log(10)
                + Math.log(m) - 5 * Math.log(m + 10);
        assertEquals(expected, model.logLikelihood(1, m), 1e-12);
    }
}
