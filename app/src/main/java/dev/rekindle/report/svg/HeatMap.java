package dev.rekindle.report.svg;

import java.util.Locale;

/** A grid of counts shaded from light to dark (square-root scale, so small cells stay visible). */
public final class HeatMap {

    private HeatMap() {
    }

    /**
     * @param counts    counts[row][column]; row 0 is drawn at the bottom
     * @param rowLabels one per row, bottom to top
     * @param colLabels one per column, left to right
     */
    public static String render(String title, String xLabel, String yLabel, long[][] counts, String[] rowLabels,
            String[] colLabels) {
        int rows = counts.length;
        int cols = rows == 0 ? 0 : counts[0].length;
        double cell = 58;
        double left = 70;
        double top = 34;
        double width = left + cols * cell + 16;
        double height = top + rows * cell + 48;
        Svg svg = new Svg(width, height, title, "heat-map");
        svg.text(8, 18, title, "start", 14, Palette.INK, "chart-title");
        long max = 0;
        for (long[] row : counts) {
            for (long v : row) max = Math.max(max, v);
        }
        for (int r = 0; r < rows; r++) {
            double y = top + (rows - 1 - r) * cell;
            svg.text(left - 8, y + cell / 2 + 4, rowLabels[r], "end", 12, Palette.INK, "y-label");
            for (int c = 0; c < cols; c++) {
                long v = counts[r][c];
                double share = max == 0 ? 0 : Math.sqrt((double) v / max);
                double x = left + c * cell;
                svg.rect(x + 1, y + 1, cell - 2, cell - 2, shade(share), "cell",
                        yLabel + " " + rowLabels[r] + ", " + xLabel + " " + colLabels[c] + ": " + String.format("%,d", v));
                svg.text(x + cell / 2, y + cell / 2 + 4, String.format("%,d", v), "middle", 11,
                        share > 0.55 ? "#ffffff" : Palette.INK, "cell-value");
            }
        }
        for (int c = 0; c < cols; c++) {
            svg.text(left + c * cell + cell / 2, top + rows * cell + 16, colLabels[c], "middle", 12, Palette.INK, "x-label");
        }
        svg.text(left + cols * cell / 2, top + rows * cell + 38, xLabel, "middle", 12, Palette.INK, "axis-label");
        svg.verticalText(16, top + rows * cell / 2, yLabel, 12, Palette.INK);
        return svg.render();
    }

    /** From near-white (0) to the report's blue (1). */
    static String shade(double share) {
        int[] from = {0xf2, 0xf5, 0xfa};
        int[] to = {0x1f, 0x4e, 0x8c};
        StringBuilder sb = new StringBuilder("#");
        for (int i = 0; i < 3; i++) {
            sb.append(String.format(Locale.ROOT, "%02x", Math.round(from[i] + (to[i] - from[i]) * Math.max(0, Math.min(1, share)))));
        }
        return sb.toString();
    }
}
