package dev.rekindle.report.uplift;

import java.util.SplittableRandom;
import org.hipparchus.special.Gamma;

/**
 * Draws from the hypergeometric law by inversion, walking outwards from the mode: the number of marked items
 * among {@code draws} taken without replacement from {@code population} items of which {@code marked} are marked.
 * The walk takes about as many steps as the law's standard deviation, so a draw from a million costs a few hundred
 * multiplications, not a million.
 */
final class Hypergeometric {

    private Hypergeometric() {
    }

    static long sample(long population, long marked, long draws, SplittableRandom random) {
        long lo = Math.max(0, draws - (population - marked));
        long hi = Math.min(draws, marked);
        if (lo >= hi) {
            return lo;
        }
        long mode = (long) Math.floor((draws + 1.0) * (marked + 1.0) / (population + 2.0));
        mode = Math.max(lo, Math.min(hi, mode));
        double pMode = Math.exp(logDensity(mode, population, marked, draws));
        double u = random.nextDouble();
        double cumulative = pMode;
        if (u < cumulative) {
            return mode;
        }
        long up = mode;
        long down = mode;
        double pUp = pMode;
        double pDown = pMode;
        while (up < hi || down > lo) {
            if (up < hi) {
                // P(k + 1) / P(k) = (K - k)(n - k) / ((k + 1)(N - K - n + k + 1))
                pUp *= (double) (marked - up) * (draws - up) / ((up + 1.0) * (population - marked - draws + up + 1.0));
                up++;
                cumulative += pUp;
                if (u < cumulative) {
                    return up;
                }
            }
            if (down > lo) {
                pDown *= down * (population - marked - draws + down) / ((double) (marked - down + 1) * (draws - down + 1));
                down--;
                cumulative += pDown;
                if (u < cumulative) {
                    return down;
                }
            }
            if ((up == hi || pUp < 1e-300) && (down == lo || pDown < 1e-300)) {
                break; // what is left of the total is rounding error
            }
        }
        return mode; // only the last rounding error of the total is left
    }

    private static double logDensity(long k, long population, long marked, long draws) {
        return logChoose(marked, k) + logChoose(population - marked, draws - k) - logChoose(population, draws);
    }

    private static double logChoose(long n, long k) {
        return Gamma.logGamma(n + 1.0) - Gamma.logGamma(k + 1.0) - Gamma.logGamma(n - k + 1.0);
    }
}
