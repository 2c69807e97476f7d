package dev.rekindle.report.svg;

import java.util.ArrayList;
import java.util.List;

/** "Nice" axis ticks (steps of 1, 2 or 5 times a power of ten) covering a range of values. */
final class Ticks {

    private Ticks() {
    }

    /** Ticks from at or below {@code min} to at or above {@code max}, about {@code count} of them. */
    static List<Double> nice(double min, double max, int count) {
        if (max < min) {
            throw new IllegalArgumentException("max < min");
        }
        if (max == min) {
            double pad = min == 0 ? 1 : Math.abs(min) * 0.1;
            min -= min == 0 ? 0 : pad;
            max += pad;
        }
        double raw = (max - min) / Math.max(1, count);
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double fraction = raw / magnitude;
        double step = (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * magnitude;
        double start = Math.floor(min / step + 1e-9) * step;
        double end = Math.ceil(max / step - 1e-9) * step;
        List<Double> ticks = new ArrayList<>();
        for (double t = start; t <= end + step / 2; t += step) {
            ticks.add(Math.abs(t) < step * 1e-9 ? 0.0 : t); // no "-0"
        }
        return ticks;
    }
}
