package dev.rekindle.report.svg;

import java.util.List;
import java.util.function.DoubleFunction;

/**
 * A forest plot: one row per group with its estimate as a dot and its confidence interval as a line with
 * caps, around a dashed zero line. Rows whose interval is unknown say why instead of drawing anything.
 */
public final class IntervalChart {

    /** {@code low}/{@code high} NaN when the data give no interval; {@code note} is then shown instead. */
    public record Row(String label, double estimate, double low, double high, String note) {
        boolean drawable() {
            return !Double.isNaN(estimate) && !Double.isNaN(low) && !Double.isNaN(high);
        }
    }

    private IntervalChart() {
    }

    public static String render(String title, String axisLabel, List<Row> rows, DoubleFunction<String> format, int width) {
        double rowHeight = 26;
        double top = 34;
        double labelWidth = 190;
        double valueWidth = 200;
        double height = top + Math.max(1, rows.size()) * rowHeight + 46;
        Svg svg = new Svg(width, height, title, "interval-chart");
        svg.text(8, 18, title, "start", 14, Palette.INK, "chart-title");
        double lo = 0;
        double hi = 0;
        for (Row r : rows) {
            if (r.drawable()) {
                lo = Math.min(lo, r.low());
                hi = Math.max(hi, r.high());
            }
        }
        List<Double> ticks = Ticks.nice(lo, hi, 5);
        double min = ticks.get(0);
        double max = ticks.get(ticks.size() - 1);
        double left = labelWidth;
        double right = width - valueWidth;
        double bottom = top + Math.max(1, rows.size()) * rowHeight;
        DoubleFunction<Double> x = v -> left + (v - min) / (max - min) * (right - left);
        for (double t : ticks) {
            svg.line(x.apply(t), top, x.apply(t), bottom, Palette.GRID, 1, "grid");
            svg.text(x.apply(t), bottom + 16, format.apply(t), "middle", 11, Palette.MUTED, "tick");
        }
        svg.line(x.apply(0.0), top - 4, x.apply(0.0), bottom, Palette.MUTED, 1.2, "zero");
        svg.text((left + right) / 2, bottom + 36, axisLabel, "middle", 12, Palette.INK, "axis-label");
        if (rows.isEmpty()) {
            svg.text((left + right) / 2, top + rowHeight / 2 + 4, "no data", "middle", 13, Palette.MUTED, "no-data");
        }
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            double y = top + i * rowHeight + rowHeight / 2;
            svg.text(left - 10, y + 4, r.label(), "end", 12, Palette.INK, "y-label");
            if (!r.drawable()) {
                svg.text(right + 10, y + 4, r.note() == null ? "not enough data" : r.note(), "start", 11, Palette.MUTED, "value");
                continue;
            }
            // a row the test cannot judge stays grey whatever its interval says
            String colour = r.note() != null ? Palette.GREY : r.low() > 0 ? Palette.GREEN : r.high() < 0 ? Palette.RED : Palette.BLUE;
            String tip = r.label() + ": " + format.apply(r.estimate()) + " (" + format.apply(r.low()) + " … "
                    + format.apply(r.high()) + ")";
            svg.line(x.apply(r.low()), y, x.apply(r.high()), y, colour, 2, "interval");
            svg.line(x.apply(r.low()), y - 5, x.apply(r.low()), y + 5, colour, 2, "interval");
            svg.line(x.apply(r.high()), y - 5, x.apply(r.high()), y + 5, colour, 2, "interval");
            svg.circle(x.apply(r.estimate()), y, 4.5, colour, "estimate", tip);
            svg.text(right + 10, y + 4, format.apply(r.estimate()) + "  (" + format.apply(r.low()) + " … "
                    + format.apply(r.high()) + ")" + (r.note() == null ? "" : "  " + r.note()), "start", 11, Palette.INK, "value");
        }
        return svg.render();
    }
}
