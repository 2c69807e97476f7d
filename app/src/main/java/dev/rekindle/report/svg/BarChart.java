package dev.rekindle.report.svg;

import java.util.List;
import java.util.function.DoubleFunction;

/** Vertical bars with value labels and, where given, an error bar (a confidence interval) on each bar. */
public final class BarChart {

    /** One bar; {@code low}/{@code high} NaN for no error bar, {@code value} NaN for "no data". */
    public record Bar(String label, double value, double low, double high, String colour) {
        public static Bar of(String label, double value, String colour) {
            return new Bar(label, value, Double.NaN, Double.NaN, colour);
        }

        boolean hasInterval() {
            return !Double.isNaN(low) && !Double.isNaN(high);
        }
    }

    private BarChart() {
    }

    public static String render(String title, String yLabel, List<Bar> bars, DoubleFunction<String> format,
            int width, int height) {
        Svg svg = new Svg(width, height, title, "bar-chart");
        svg.text(8, 18, title, "start", 14, Palette.INK, "chart-title");
        if (bars.stream().allMatch(b -> Double.isNaN(b.value()))) {
            svg.text(width / 2.0, height / 2.0, "no data", "middle", 13, Palette.MUTED, "no-data");
            return svg.render();
        }
        double lo = 0;
        double hi = 0;
        for (Bar b : bars) {
            if (Double.isNaN(b.value())) continue;
            lo = Math.min(lo, b.hasInterval() ? Math.min(b.low(), b.value()) : b.value());
            hi = Math.max(hi, b.hasInterval() ? Math.max(b.high(), b.value()) : b.value());
        }
        ValueAxis axis = new ValueAxis(svg, 64, 34, width - 12, height - 40, lo, hi, yLabel, format);
        double band = (axis.right - axis.left) / bars.size();
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double centre = axis.left + band * (i + 0.5);
            svg.text(centre, axis.bottom + 18, b.label(), "middle", bars.size() > 8 ? 10 : 12, Palette.INK, "x-label");
            if (Double.isNaN(b.value())) {
                svg.text(centre, axis.y(0) - 6, "—", "middle", 11, Palette.MUTED, "value");
                continue;
            }
            double y0 = axis.y(0);
            double y1 = axis.y(b.value());
            double w = band * 0.6;
            String tip = b.label() + ": " + format.apply(b.value())
                    + (b.hasInterval() ? " (" + format.apply(b.low()) + " … " + format.apply(b.high()) + ")" : "");
            svg.rect(centre - w / 2, Math.min(y0, y1), w, Math.abs(y1 - y0), b.colour(), "bar", tip);
            if (b.hasInterval()) {
                double cap = Math.min(10, w / 3);
                svg.line(centre, axis.y(b.low()), centre, axis.y(b.high()), Palette.INK, 1.5, "error-bar");
                svg.line(centre - cap, axis.y(b.low()), centre + cap, axis.y(b.low()), Palette.INK, 1.5, "error-bar");
                svg.line(centre - cap, axis.y(b.high()), centre + cap, axis.y(b.high()), Palette.INK, 1.5, "error-bar");
            }
            double labelY = b.value() >= 0 ? Math.min(y1, b.hasInterval() ? axis.y(b.high()) : y1) - 5
                    : Math.max(y1, b.hasInterval() ? axis.y(b.low()) : y1) + 13;
            svg.text(centre + (b.hasInterval() ? w / 2 - 2 : 0), labelY, format.apply(b.value()),
                    b.hasInterval() ? "end" : "middle", 11, Palette.INK, "value");
        }
        return svg.render();
    }
}
