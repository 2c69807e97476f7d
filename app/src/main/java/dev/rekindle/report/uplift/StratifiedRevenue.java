package dev.rekindle.report.uplift;

import java.util.ArrayList;
import java.util.List;

/**
 * Revenue per customer over several campaigns: each campaign's difference weighted by n1 n2 / n (the
 * Mantel-Haenszel weights), studentised by its standard error, tested by re-splitting within every campaign at once
 * (re-split r of each campaign, all drawn independently from that campaign's seed), interval by inversion.
 */
final class StratifiedRevenue {

    private final List<RevenuePermutation> tests = new ArrayList<>();
    private final List<Double> weights = new ArrayList<>();
    private final int count;

    StratifiedRevenue(List<PooledStatistics.Stratum> strata) {
        int fewest = Integer.MAX_VALUE;
        for (PooledStatistics.Stratum s : strata) {
            long n1 = s.contacted().customers();
            long n2 = s.holdout().customers();
            if (n1 == 0 || n2 == 0) {
                continue;
            }
            RevenuePermutation t = new RevenuePermutation(n1, s.contactedSpend(), n2, s.holdoutSpend(), s.seed());
            tests.add(t);
            weights.add((double) n1 * n2 / (n1 + n2));
            fewest = Math.min(fewest, t.permutations());
        }
        count = tests.isEmpty() ? 0 : fewest;
    }

    /** The weighted difference under shift d for re-split r (-1: the real split): {difference, standard error}. */
    private double[] combined(int r, double d) {
        double total = 0;
        double sum = 0;
        double variance = 0;
        for (int i = 0; i < tests.size(); i++) {
            double w = weights.get(i);
            double[] one = tests.get(i).split(r, d);
            total += w;
            sum += w * one[0];
            variance += w * w * one[1];
        }
        return new double[]{sum / total, Math.sqrt(variance) / total};
    }

    double pValue(double d) {
        double observed = Math.abs(t(combined(-1, d)));
        double slack = observed * 1e-12;
        int extreme = 0;
        for (int r = 0; r < count; r++) {
            if (Math.abs(t(combined(r, d))) >= observed - slack) {
                extreme++;
            }
        }
        return (1.0 + extreme) / (1.0 + count);
    }

    Interval interval(double alpha) {
        double[] real = combined(-1, 0);
        double estimate = real[0];
        double se = real[1];
        return TestInversion.of(estimate, se, alpha, this::pValue);
    }

    private static double t(double[] diffAndSe) {
        if (diffAndSe[1] == 0) {
            return diffAndSe[0] == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, diffAndSe[0]);
        }
        return diffAndSe[0] / diffAndSe[1];
    }
}
