package dev.rekindle.report.svg;

import java.util.List;
import java.util.function.DoubleFunction;

/** A chart's plot area with a value axis on the left: nice ticks, light grid lines and the axis label. */
final class ValueAxis {

    final double left;
    final double top;
    final double right;
    final double bottom;
    private final double min;
    private final double max;

    ValueAxis(Svg svg, double left, double top, double right, double bottom, double dataMin, double dataMax,
            String label, DoubleFunction<String> format) {
        this.left = left;
        this.top = top;
        this.right = right;
        this.bottom = bottom;
        List<Double> ticks = Ticks.nice(dataMin, dataMax, 5);
        this.min = ticks.get(0);
        this.max = ticks.get(ticks.size() - 1);
        for (double t : ticks) {
            svg.line(left, y(t), right, y(t), t == 0 ? Palette.MUTED : Palette.GRID, 1, "grid");
            svg.text(left - 6, y(t) + 4, format.apply(t), "end", 11, Palette.MUTED, "tick");
        }
        if (label != null && !label.isEmpty()) {
            svg.verticalText(14, (top + bottom) / 2, label, 12, Palette.INK);
        }
    }

    double y(double value) {
        return bottom - (value - min) / (max - min) * (bottom - top);
    }
}
