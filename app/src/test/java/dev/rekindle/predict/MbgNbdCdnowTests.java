package dev.rekindle.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * MBG/NBD (Batislam et al. 2007) on the CDNOW sample, 39-week calibration to 1997-09-30 as for BG/NBD, and the
 * 39-week holdout to 1998-06-30 for calibration against what customers really did.
 */
class MbgNbdCdnowTests {

    static final LocalDate HOLDOUT_END = LocalDate.of(1998, 6, 30);
    static final double HOLDOUT_WEEKS = (HOLDOUT_END.toEpochDay() - CdnowSample.CALIBRATION_END.toEpochDay()) / 7.0;

    private static Map<Integer, RepeatPurchases> summaries;
    private static Map<Integer, Integer> holdoutDays;
    private static BgNbdFitter.Fit bg;
    private static BgNbdFitter.Fit mbg;

    @BeforeAll
    static void fit() {
        summaries = CdnowSample.summaries();
        Cohort cohort = CdnowSample.cohort();
        bg = new BgNbdFitter().fit(cohort);
        mbg = BgNbdFitter.modified().fit(cohort);
        // purchase days in the holdout per customer (same-day orders merged, as in the calibration summary)
        Map<Integer, Set<LocalDate>> days = new TreeMap<>();
        for (CdnowSample.Order o : CdnowSample.orders()) {
            if (o.day().isAfter(CdnowSample.CALIBRATION_END) && !o.day().isAfter(HOLDOUT_END)) {
                days.computeIfAbsent(o.customer(), c -> new HashSet<>()).add(o.day());
            }
        }
        holdoutDays = new TreeMap<>();
        days.forEach((c, d) -> holdoutDays.put(c, d.size()));
    }

    /**
     * lifetimes' own test of ModifiedBetaGeoFitter on this sample (test_estimation.py,
     * test_params_out_is_close_to_Hardie_paper): r 0.525, alpha 6.183, a 0.891, b 1.614, to three decimals.
     */
    @Test
    void parametersShouldEqualLifetimesFitOfTheSameSample() {
        MbgNbd m = (MbgNbd) mbg.model();
        assertEquals(0.525, m.r(), 0.0005);
        assertEquals(6.183, m.alpha(), 0.0005);
        assertEquals(0.891, m.a(), 0.0005);
        assertEquals(1.614, m.b(), 0.0005);
    }

    /** A second implementation: the summed likelihood of the fitter equals the per-customer formula of the model. */
    @Test
    void fittersLikelihoodShouldEqualTheSumOfTheModelsPerCustomerFormula() {
        double sum = 0;
        for (RepeatPurchases s : summaries.values()) {
            sum += mbg.model().logLikelihood(s);
        }
        assertEquals(sum, mbg.logLikelihood(), 1e-6 * Math.abs(sum));
        assertTrue(mbg.logLikelihood() < 0);
    }

    /** By numerical integration over the purchase rate and the drop-out probability, from the model's definition. */
    @Test
    void likelihoodShouldEqualTheModelsDefinitionIntegrated() {
        MbgNbd m = (MbgNbd) mbg.model();
        for (RepeatPurchases s : new RepeatPurchases[]{summaries.get(1), summaries.get(3), summaries.get(6)}) {
            assertEquals(Math.exp(m.logLikelihood(s)), integrated(m, s), 1e-4 * Math.exp(m.logLikelihood(s)), s.toString());
        }
    }

    /**
     * One-time buyers: BG/NBD says every one is alive, so it ranks all 1,411 of them (1,218 of whom never came back in
     * the holdout) above every repeat buyer. MBG/NBD ranks them by how long they have been silent. Measured by the
     * concordance (AUC) of P(alive) with "bought again in the holdout" over all pairs of customers: MBG/NBD's must
     * be the higher, and one-time buyers' mean P(alive) must fall below that of repeat buyers who came back.
     */
    @Test
    void oneTimeBuyersWhoLeftShouldRankBelowThoseStillActive() {
        double oneTimers = 0;
        int nOneTimers = 0;
        double repeatReturned = 0;
        int nRepeatReturned = 0;
        for (Map.Entry<Integer, RepeatPurchases> e : summaries.entrySet()) {
            RepeatPurchases s = e.getValue();
            double p = mbg.model().pAlive(s);
            if (s.frequency() == 0) {
                assertEquals(1.0, bg.model().pAlive(s), 0.0, "BG/NBD cannot see a one-time buyer leave");
                assertTrue(p < 1);
                oneTimers += p;
                nOneTimers++;
            } else if (holdoutDays.getOrDefault(e.getKey(), 0) > 0) {
                repeatReturned += p;
                nRepeatReturned++;
            }
        }
        double bgAuc = concordance(bg.model());
        double mbgAuc = concordance(mbg.model());
        System.out.printf(Locale.ROOT, "P(alive) vs buying again in the holdout, AUC: BG/NBD %.3f, MBG/NBD %.3f; MBG/NBD mean "
                        + "P(alive) %.3f for %d one-time buyers, %.3f for %d repeat buyers who came back%n",
                bgAuc, mbgAuc, oneTimers / nOneTimers, nOneTimers, repeatReturned / nRepeatReturned, nRepeatReturned);
        assertTrue(mbgAuc > bgAuc);
        assertTrue(oneTimers / nOneTimers < repeatReturned / nRepeatReturned);
    }

    /** Share of (came back, did not) pairs where the one who came back has the higher P(alive); ties count half. */
    private static double concordance(RepeatModel model) {
        java.util.List<Double> back = new java.util.ArrayList<>();
        java.util.List<Double> notBack = new java.util.ArrayList<>();
        summaries.forEach((c, s) -> (holdoutDays.getOrDefault(c, 0) > 0 ? back : notBack).add(model.pAlive(s)));
        double wins = 0;
        for (double b : back) {
            for (double n : notBack) {
                wins += b > n ? 1 : b == n ? 0.5 : 0;
            }
        }
        return wins / ((double) back.size() * notBack.size());
    }

    /**
     * Calibration: predicted against actual repeat purchase days in the 39-week holdout, summed over the 2,357
     * customers. BG/NBD under-predicts by 12.1 % (the issue quotes about 14 %); the figures go into
     * docs/operator/proof.md.
     */
    @Test
    void calibrationShouldBeMeasuredForBothModels() {
        int actual = holdoutDays.values().stream().mapToInt(Integer::intValue).sum();
        double bgPredicted = 0;
        double mbgPredicted = 0;
        for (RepeatPurchases s : summaries.values()) {
            bgPredicted += bg.model().expectedPurchases(HOLDOUT_WEEKS, s);
            mbgPredicted += mbg.model().expectedPurchases(HOLDOUT_WEEKS, s);
        }
        double bgError = bgPredicted / actual - 1;
        double mbgError = mbgPredicted / actual - 1;
        System.out.printf(Locale.ROOT, "CDNOW holdout %.1f weeks: actual %d purchase days; BG/NBD %.0f (%+.1f %%), MBG/NBD %.0f (%+.1f %%)%n",
                HOLDOUT_WEEKS, actual, bgPredicted, 100 * bgError, mbgPredicted, 100 * mbgError);
        assertEquals(-0.121, bgError, 0.005); // counted in orders (1,959) instead of purchase days (1,882): -15.6 %
        assertTrue(Math.abs(mbgError) < 0.25, "MBG/NBD error " + mbgError);
    }

    /** The likelihood by integrating lambda ~ Gamma(r, alpha) and p ~ Beta(a, b) over a fine grid (midpoint rule). */
    private static double integrated(MbgNbd m, RepeatPurchases s) {
        int x = s.frequency();
        double t = s.ageWeeks();
        double tx = s.recencyWeeks();
        int nl = 4000;
        int np = 2000;
        double lMax = 40 * (m.r() + x + 1) / (m.alpha() + tx);
        double total = 0;
        double logBetaNorm = org.hipparchus.special.Beta.logBeta(m.a(), m.b());
        double wMax = Math.pow(lMax, m.r());
        for (int j = 0; j < np; j++) {
            // substitute p = u^(1/a) to tame the p^(a-1) singularity at 0: dp = (1/a) u^(1/a - 1) du
            double u = (j + 0.5) / np;
            double p = Math.pow(u, 1 / m.a());
            double betaDensityTimesJacobian = Math.exp(-logBetaNorm + (m.b() - 1) * Math.log1p(-p)) / m.a();
            double inner = 0;
            for (int i = 0; i < nl; i++) {
                // and lambda = w^(1/r) for the lambda^(r-1) one: lambda^(r-1) d lambda = dw / r
                double w = (i + 0.5) * wMax / nl;
                double l = Math.pow(w, 1 / m.r());
                double gammaDensity = Math.exp(m.r() * Math.log(m.alpha()) - m.alpha() * l
                        - org.hipparchus.special.Gamma.logGamma(m.r())) / m.r();
                // alive through T: (1-p)^(x+1) l^x e^(-l T); dropped right after the last purchase: p (1-p)^x l^x e^(-l tx)
                double like = Math.pow(1 - p, x) * Math.pow(l, x) * ((1 - p) * Math.exp(-l * t) + p * Math.exp(-l * tx));
                inner += gammaDensity * like * wMax / nl;
            }
            total += betaDensityTimesJacobian * inner / np;
        }
        return total;
    }
}
