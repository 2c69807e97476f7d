package dev.rekindle.predict;

import java.util.function.ToDoubleFunction;
import org.hipparchus.special.Gamma;

/**
 * Fits {@link BgNbd}, or with {@link #modified()} {@link MbgNbd}, by maximum likelihood. The summed log-likelihood is arranged so that one evaluation
 * over a million customers costs little: the log-gamma terms depend on the frequency only and are computed
 * once per distinct frequency, log(alpha + days/7) comes from a table over the whole days, one-time buyers
 * are grouped by age, and each repeat buyer adds one exp and one log.
 *
 * <p>Large cohorts are fitted first on an evenly spread sample of {@value #SAMPLE} customers, then polished
 * on everyone from there: the same maximum, in a fraction of the full-data evaluations.
 */
public final class BgNbdFitter {

    static final int SAMPLE = 50_000;

    /** The fitted model with its maximised log-likelihood (summed over customers). */
    public record Fit(RepeatModel model, double logLikelihood, int customers, int evaluations) {
    }

    private final LogSpaceMinimizer minimizer = new LogSpaceMinimizer(1e-11, 1e-13);
    private final boolean modified;

    /** BG/NBD. */
    public BgNbdFitter() {
        this(false);
    }

    private BgNbdFitter(boolean modified) {
        this.modified = modified;
    }

    /** A fitter of MBG/NBD (Batislam et al. 2007), where one-time buyers can drop out too. */
    public static BgNbdFitter modified() {
        return new BgNbdFitter(true);
    }

    public Fit fit(Cohort cohort) {
        return fit(cohort, () -> { });
    }

    /** @param evaluated called after every evaluation of the likelihood (a progress bar's tick) */
    public Fit fit(Cohort cohort, Runnable evaluated) {
        if (cohort.repeatCustomers() == 0) {
            throw new IllegalArgumentException("nobody bought twice: the BG/NBD model cannot be fitted");
        }
        Likelihood all = new Likelihood(cohort, 1, modified);
        double[] start = {1, 1, 1, 1};
        int evaluations = 0;
        if (cohort.size() > 2 * SAMPLE) {
            Likelihood sample = new Likelihood(cohort, (cohort.size() + SAMPLE - 1) / SAMPLE, modified);
            LogSpaceMinimizer.Minimum rough = minimizer.minimise(ticking(sample, evaluated), start, 0.5);
            start = rough.parameters();
            evaluations += rough.evaluations();
        }
        LogSpaceMinimizer.Minimum best = cohort.size() > 2 * SAMPLE
                ? minimizer.polish(ticking(all, evaluated), start, 0.05)
                : minimizer.minimise(ticking(all, evaluated), start, 0.5);
        double[] p = best.parameters();
        RepeatModel model = modified ? new MbgNbd(p[0], p[1], p[2], p[3]) : new BgNbd(p[0], p[1], p[2], p[3]);
        return new Fit(model, -best.value() * all.customers, all.customers,
                evaluations + best.evaluations());
    }

    private static ToDoubleFunction<double[]> ticking(Likelihood likelihood, Runnable evaluated) {
        return p -> {
            double v = likelihood.negativeMean(p);
            evaluated.run();
            return v;
        };
    }

    /** The log-likelihood of every {@code stride}-th customer, in arrays shaped for speed. */
    static final class Likelihood {
        private final boolean modified; // MBG/NBD: drop-out possible at the first purchase too
        private final int customers;
        private final int[] distinctFrequencies;
        private final int[] customersWithFrequency;
        private final long[] oneTimersByAge;
        private final int[] x;
        private final int[] recencyDays;
        private final int[] ageDays;
        private final double[] logDropOdds; // log(a/(b+x-1)) by x, refreshed per evaluation
        private final double[] logAlphaPlus; // log(alpha + d/7) by day d, refreshed per evaluation

        Likelihood(Cohort cohort, int stride, boolean modified) {
            this.modified = modified;
            int maxFrequency = 0;
            int repeat = 0;
            int n = 0;
            for (int i = 0; i < cohort.size(); i += stride) {
                maxFrequency = Math.max(maxFrequency, cohort.frequency(i));
                repeat += cohort.frequency(i) > 0 ? 1 : 0;
                n++;
            }
            customers = n;
            int[] byFrequency = new int[maxFrequency + 1];
            oneTimersByAge = new long[cohort.maxAgeDays() + 1];
            x = new int[repeat];
            recencyDays = new int[repeat];
            ageDays = new int[repeat];
            int j = 0;
            for (int i = 0; i < cohort.size(); i += stride) {
                int f = cohort.frequency(i);
                byFrequency[f]++;
                if (f == 0) {
                    oneTimersByAge[cohort.ageDays(i)]++;
                } else {
                    x[j] = f;
                    recencyDays[j] = cohort.recencyDays(i);
                    ageDays[j] = cohort.ageDays(i);
                    j++;
                }
            }
            int distinct = 0;
            for (int c : byFrequency) {
                distinct += c > 0 ? 1 : 0;
            }
            distinctFrequencies = new int[distinct];
            customersWithFrequency = new int[distinct];
            for (int f = 0, k = 0; f < byFrequency.length; f++) {
                if (byFrequency[f] > 0) {
                    distinctFrequencies[k] = f;
                    customersWithFrequency[k++] = byFrequency[f];
                }
            }
            logDropOdds = new double[maxFrequency + 1];
            logAlphaPlus = new double[cohort.maxAgeDays() + 1];
        }

        /** -(1/n) Σ log L(r, alpha, a, b | x, tx, T), the quantity minimised. */
        double negativeMean(double[] p) {
            double r = p[0];
            double alpha = p[1];
            double a = p[2];
            double b = p[3];
            double sum = 0;
            double perCustomer = -Gamma.logGamma(r) + r * Math.log(alpha) - Gamma.logGamma(b) + Gamma.logGamma(a + b);
            // MBG/NBD is BG/NBD's likelihood with b + x + 1 for b + x in the beta terms and a/(b+x) as the odds,
            // for one-time buyers too (Batislam et al. 2007, equation 3; lifetimes' ModifiedBetaGeoFitter)
            int shift = modified ? 1 : 0;
            for (int k = 0; k < distinctFrequencies.length; k++) {
                int f = distinctFrequencies[k];
                sum += customersWithFrequency[k] * (perCustomer + Gamma.logGamma(r + f) + Gamma.logGamma(b + f + shift)
                        - Gamma.logGamma(a + b + f + shift));
                if (f > 0 || modified) {
                    logDropOdds[f] = Math.log(a / (b + f - 1 + shift));
                }
            }
            for (int d = 0; d < logAlphaPlus.length; d++) {
                logAlphaPlus[d] = Math.log(alpha + d / RepeatPurchases.DAYS_PER_WEEK);
            }
            double oneTimers = 0;
            for (int d = 0; d < oneTimersByAge.length; d++) {
                if (oneTimersByAge[d] > 0) {
                    double term = -r * logAlphaPlus[d];
                    if (modified) {
                        // tx = 0: the odds of having dropped out at the first purchase
                        term += BgNbd.softplus(logDropOdds[0] + r * (logAlphaPlus[d] - logAlphaPlus[0]));
                    }
                    oneTimers += oneTimersByAge[d] * term;
                }
            }
            sum += oneTimers;
            sum += ChunkedSum.over(x.length, (from, to) -> repeatBuyers(r, from, to));
            return -sum / customers;
        }

        /** Σ -(r+x)·log(alpha+T) + log(1 + odds of having dropped out), over repeat buyers [from, to). */
        private double repeatBuyers(double r, int from, int to) {
            double sum = 0;
            for (int i = from; i < to; i++) {
                double rx = r + x[i];
                double logT = logAlphaPlus[ageDays[i]];
                sum += -rx * logT + BgNbd.softplus(logDropOdds[x[i]] + rx * (logT - logAlphaPlus[recencyDays[i]]));
            }
            return sum;
        }
    }
}
