package dev.rekindle.predict;

import java.util.function.ToDoubleFunction;
import org.hipparchus.special.Gamma;

/**
 * Fits {@link GammaGamma} by maximum likelihood on the customers with repeat purchases and a positive mean
 * spend (a repeat customer whose repeat orders were all free says nothing about amounts). As for BG/NBD, large
 * cohorts are fitted on an evenly spread sample first and then polished on everyone.
 */
public final class GammaGammaFitter {

    /** The fitted model, its log-likelihood and how many customers it was fitted on. */
    public record Fit(GammaGamma model, double logLikelihood, int customers, int evaluations) {
    }

    private final LogSpaceMinimizer minimizer = new LogSpaceMinimizer(1e-11, 1e-13);

    /** @return the fit, or null when fewer than two customers have repeat purchases with a spend */
    public Fit fit(Cohort cohort) {
        return fit(cohort, () -> { });
    }

    /** @param evaluated called after every evaluation of the likelihood (a progress bar's tick) */
    public Fit fit(Cohort cohort, Runnable evaluated) {
        Likelihood all = new Likelihood(cohort, 1);
        if (all.customers < 2) {
            return null;
        }
        double[] start = {1, 1, 1};
        int evaluations = 0;
        boolean large = all.customers > 2 * BgNbdFitter.SAMPLE;
        if (large) {
            Likelihood sample = new Likelihood(cohort, (all.customers + BgNbdFitter.SAMPLE - 1) / BgNbdFitter.SAMPLE);
            LogSpaceMinimizer.Minimum rough = minimizer.minimise(ticking(sample, evaluated), start, 0.5);
            start = rough.parameters();
            evaluations += rough.evaluations();
        }
        LogSpaceMinimizer.Minimum best = large
                ? minimizer.polish(ticking(all, evaluated), start, 0.05)
                : minimizer.minimise(ticking(all, evaluated), start, 0.5);
        double[] p = best.parameters();
        return new Fit(new GammaGamma(p[0], p[1], p[2]), -best.value() * all.customers, all.customers,
                evaluations + best.evaluations());
    }

    private static ToDoubleFunction<double[]> ticking(Likelihood likelihood, Runnable evaluated) {
        return p -> {
            double v = likelihood.negativeMean(p);
            evaluated.run();
            return v;
        };
    }

    /**
     * The log-likelihood over every {@code stride}-th usable repeat customer. The terms that depend on x alone
     * are computed once per distinct x, log m once per customer; an evaluation then costs one log per customer.
     */
    static final class Likelihood {
        private final int customers;
        private final int[] x;
        private final double[] logM;
        private final double[] xm;
        private final long[] customersWithFrequency;

        Likelihood(Cohort cohort, int stride) {
            int n = 0;
            int maxFrequency = 0;
            for (int i = 0; i < cohort.size(); i++) {
                if (usable(cohort, i)) {
                    n++;
                    maxFrequency = Math.max(maxFrequency, cohort.frequency(i));
                }
            }
            customers = (n + stride - 1) / stride;
            x = new int[customers];
            logM = new double[customers];
            xm = new double[customers];
            customersWithFrequency = new long[maxFrequency + 1];
            for (int i = 0, seen = 0, kept = 0; i < cohort.size(); i++) {
                if (usable(cohort, i) && seen++ % stride == 0) {
                    x[kept] = cohort.frequency(i);
                    logM[kept] = Math.log(cohort.monetary(i));
                    xm[kept] = x[kept] * cohort.monetary(i);
                    customersWithFrequency[x[kept]]++;
                    kept++;
                }
            }
        }

        private static boolean usable(Cohort cohort, int i) {
            return cohort.frequency(i) > 0 && cohort.monetary(i) > 0;
        }

        /** -(1/n) Σ log L(p, q, v | x, m), the quantity minimised. */
        double negativeMean(double[] params) {
            double p = params[0];
            double q = params[1];
            double v = params[2];
            double sum = customers * (q * Math.log(v) - Gamma.logGamma(q));
            for (int f = 1; f < customersWithFrequency.length; f++) {
                if (customersWithFrequency[f] > 0) {
                    double pf = p * f;
                    sum += customersWithFrequency[f] * (Gamma.logGamma(pf + q) - Gamma.logGamma(pf) + pf * Math.log(f));
                }
            }
            sum += ChunkedSum.over(customers, (from, to) -> {
                double part = 0;
                for (int i = from; i < to; i++) {
                    double px = p * x[i];
                    part += (px - 1) * logM[i] - (px + q) * Math.log(xm[i] + v);
                }
                return part;
            });
            return -sum / customers;
        }
    }
}
