package dev.rekindle.predict;

import java.util.function.ToDoubleFunction;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.hipparchus.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Minimises a function of positive parameters with Hipparchus' Nelder-Mead simplex over their logarithms, so
 * that every trial point is valid and the parameters' very different scales (alpha in weeks, r near 0.2) do
 * not matter. The simplex stops when every vertex's value settles; it is then restarted once from the optimum
 * with a fresh simplex, the usual guard against Nelder-Mead stalling on a ridge.
 */
final class LogSpaceMinimizer {

    /** log-parameters beyond ±LIMIT (e^25 ≈ 7·10^10) mean a parameter ran away: treated as infinitely bad. */
    private static final double LIMIT = 25;
    private static final int MAX_EVALUATIONS = 20_000;

    record Minimum(double[] parameters, double value, int evaluations) {
    }

    private final double relativeTolerance;
    private final double absoluteTolerance;

    LogSpaceMinimizer(double relativeTolerance, double absoluteTolerance) {
        this.relativeTolerance = relativeTolerance;
        this.absoluteTolerance = absoluteTolerance;
    }

    /**
     * A search from a rough start, restarted once from its optimum.
     *
     * @param objective  evaluated at the parameters themselves (not their logs); NaN counts as infinitely bad
     * @param start      positive starting parameters
     * @param startSide  the first simplex's side in log units (0.5 ≈ a factor 1.6 either way)
     */
    Minimum minimise(ToDoubleFunction<double[]> objective, double[] start, double startSide) {
        return run(objective, start, new double[]{startSide, startSide / 5});
    }

    /**
     * One simplex run from a point already near the optimum (a sample's optimum): no restart, as the start is
     * itself the result of a restarted search.
     */
    Minimum polish(ToDoubleFunction<double[]> objective, double[] start, double side) {
        return run(objective, start, new double[]{side});
    }

    private Minimum run(ToDoubleFunction<double[]> objective, double[] start, double[] sides) {
        int[] evaluations = {0};
        ObjectiveFunction f = new ObjectiveFunction(logs -> {
            evaluations[0]++;
            double[] p = new double[logs.length];
            for (int i = 0; i < logs.length; i++) {
                if (!(Math.abs(logs[i]) <= LIMIT)) {
                    return Double.POSITIVE_INFINITY;
                }
                p[i] = Math.exp(logs[i]);
            }
            double v = objective.applyAsDouble(p);
            return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
        });
        double[] point = new double[start.length];
        for (int i = 0; i < start.length; i++) {
            point[i] = Math.log(start[i]);
        }
        PointValuePair best = null;
        for (double side : sides) {
            SimplexOptimizer optimizer = new SimplexOptimizer(relativeTolerance, absoluteTolerance);
            try {
                best = optimizer.optimize(new MaxEval(MAX_EVALUATIONS), f, GoalType.MINIMIZE,
                        new InitialGuess(point), new NelderMeadSimplex(start.length, side));
            } catch (MathIllegalStateException tooManyEvaluations) {
                throw new IllegalStateException("the fit did not converge within " + MAX_EVALUATIONS + " evaluations");
            }
            point = best.getPointRef();
        }
        double[] parameters = new double[point.length];
        for (int i = 0; i < point.length; i++) {
            parameters[i] = Math.exp(point[i]);
        }
        return new Minimum(parameters, best.getValue(), evaluations[0]);
    }
}
