package dev.rekindle.report.uplift;

import java.util.function.DoubleUnaryOperator;

/**
 * A confidence interval found by inverting a test: the shifts d for which the test of "the difference is d"
 * keeps p above alpha. Walks out from the estimate a standard error at a time, then narrows each bound by
 * bisection to a thousandth of a standard error. Used by the permutation tests, one campaign or pooled.
 */
final class TestInversion {

    private TestInversion() {
    }

    static Interval of(double estimate, double se, double alpha, DoubleUnaryOperator pValue) {
        if (!(se > 0)) {
            return Interval.NONE;
        }
        return new Interval(bound(estimate, -se, alpha, pValue), bound(estimate, se, alpha, pValue));
    }

    private static double bound(double estimate, double step, double alpha, DoubleUnaryOperator pValue) {
        double inside = estimate;
        double outside = estimate + step;
        int steps = 0;
        while (pValue.applyAsDouble(outside) > alpha) {
            inside = outside;
            outside += step;
            if (++steps > 200) {
                return step < 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
        }
        double tolerance = Math.abs(step) * 1e-3;
        while (Math.abs(outside - inside) > tolerance) {
            double mid = (inside + outside) / 2;
            if (pValue.applyAsDouble(mid) > alpha) {
                inside = mid;
            } else {
                outside = mid;
            }
        }
        return (inside + outside) / 2;
    }
}
