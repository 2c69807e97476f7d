package dev.rekindle.segment;

import dev.rekindle.console.TextWidth;
import java.util.List;

/** Right-aligns formatted figures ("1,234", "¥56.70") that the shared table would left-align as text. */
final class Aligned {

    private Aligned() {
    }

    static String[] right(List<String> values) {
        return right(values, "");
    }

    /** Aligned to the right edge of the column, whose header may be wider than the values. */
    static String[] right(List<String> values, String header) {
        int width = Math.max(TextWidth.of(header), values.stream().mapToInt(TextWidth::of).max().orElse(0));
        return values.stream().map(v -> " ".repeat(width - TextWidth.of(v)) + v).toArray(String[]::new);
    }

    static String count(long n) {
        return String.format("%,d", n);
    }

    static String money(double amount) {
        return String.format("¥%,.2f", amount);
    }

    static String percent(long part, long whole) {
        return whole == 0 ? "—" : String.format("%.1f%%", 100.0 * part / whole);
    }
}
