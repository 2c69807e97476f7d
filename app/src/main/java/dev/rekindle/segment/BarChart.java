package dev.rekindle.segment;

/** Terminal bars and shades: horizontal bars with eighth-block resolution, and a 5-step shade for grids. */
public final class BarChart {

    private static final char[] EIGHTHS = {'▏', '▎', '▍', '▌', '▋', '▊', '▉'};
    private static final String[] SHADES = {"·", "░", "▒", "▓", "█"};

    private BarChart() {
    }

    /** A bar of at most {@code width} characters, proportional to value/max; a non-zero value shows at least a sliver. */
    public static String bar(double value, double max, int width) {
        if (max <= 0 || value <= 0) {
            return "";
        }
        int eighths = (int) Math.round(value / max * width * 8);
        eighths = Math.max(1, Math.min(eighths, width * 8));
        StringBuilder sb = new StringBuilder("█".repeat(eighths / 8));
        if (eighths % 8 > 0) {
            sb.append(EIGHTHS[eighths % 8 - 1]);
        }
        return sb.toString();
    }

    /** One of · ░ ▒ ▓ █ by value/max (empty cells show ·). */
    public static String shade(double value, double max) {
        if (max <= 0 || value <= 0) {
            return SHADES[0];
        }
        int level = (int) Math.ceil(value / max * 4);
        return SHADES[Math.max(1, Math.min(4, level))];
    }
}
