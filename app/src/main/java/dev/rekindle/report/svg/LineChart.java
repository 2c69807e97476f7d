package dev.rekindle.report.svg;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/** One or more series over the same x labels (days, weeks, months), with a legend under the title; NaN leaves a gap. */
public final class LineChart {

    public record Series(String name, String colour, double[] values) {
    }

    private LineChart() {
    }

    public static String render(String title, String yLabel, List<String> xLabels, List<Series> series,
            DoubleFunction<String> format, int width, int height) {
        Svg svg = new Svg(width, height, title, "line-chart");
        svg.text(8, 18, title, "start", 14, Palette.INK, "chart-title");
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            if (s.values().length != xLabels.size()) {
                throw new IllegalArgumentException(s.name() + ": " + s.values().length + " values for " + xLabels.size() + " labels");
            }
            for (double v : s.values()) {
                if (!Double.isNaN(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (lo > hi) {
            svg.text(width / 2.0, height / 2.0, "no data", "middle", 13, Palette.MUTED, "no-data");
            return svg.render();
        }
        legend(svg, series, width);
        ValueAxis axis = new ValueAxis(svg, 64, 52, width - 16, height - 40, Math.min(0, lo), hi, yLabel, format);
        int n = xLabels.size();
        double step = n > 1 ? (axis.right - axis.left) / (n - 1) : 0;
        int every = Math.max(1, (int) Math.ceil(n / Math.max(1, (axis.right - axis.left) / 64)));
        for (int i = 0; i < n; i += every) {
            svg.text(x(axis, step, i, n), axis.bottom + 18, xLabels.get(i), "middle", 11, Palette.INK, "x-label");
        }
        for (Series s : series) {
            List<double[]> run = new ArrayList<>();
            for (int i = 0; i <= n; i++) {
                if (i < n && !Double.isNaN(s.values()[i])) {
                    run.add(new double[]{x(axis, step, i, n), axis.y(s.values()[i])});
                    continue;
                }
                if (run.size() > 1) {
                    svg.polyline(run, s.colour(), "series", s.name());
                }
                run = new ArrayList<>();
            }
            for (int i = 0; i < n; i++) {
                double v = s.values()[i];
                if (!Double.isNaN(v)) {
                    svg.circle(x(axis, step, i, n), axis.y(v), 2.5, s.colour(), "point",
                            s.name() + " " + xLabels.get(i) + ": " + format.apply(v));
                }
            }
        }
        return svg.render();
    }

    private static double x(ValueAxis axis, double step, int i, int n) {
        return n > 1 ? axis.left + step * i : (axis.left + axis.right) / 2;
    }

    private static void legend(Svg svg, List<Series> series, int width) {
        double x = width - 12;
        for (int i = series.size() - 1; i >= 0; i--) {
            Series s = series.get(i);
            double w = 18 + 7.5 * s.name().codePoints().map(c -> c > 0x2E80 ? 2 : 1).sum();
            x -= w;
            svg.rect(x, 29, 10, 10, s.colour(), "legend", null);
            svg.text(x + 14, 38, s.name(), "start", 11, Palette.INK, "legend-label");
        }
    }
}
