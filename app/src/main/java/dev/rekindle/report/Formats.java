package dev.rekindle.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** How report figures read on screen and in the HTML page; NaN (unknown) reads as "—". */
public final class Formats {

    public static final String UNKNOWN = "—";

    private Formats() {
    }

    /** 0.10417 → "10.42%" */
    public static String percent(double rate) {
        return Double.isNaN(rate) ? UNKNOWN : String.format(Locale.ROOT, "%.2f%%", rate * 100);
    }

    /** 0.0242 → "+2.42 pts" (percentage points) */
    public static String points(double difference) {
        return Double.isNaN(difference) ? UNKNOWN : String.format(Locale.ROOT, "%+.2f pts", difference * 100);
    }

    /** 0.302 → "+30.2%" */
    public static String signedPercent(double share) {
        return Double.isNaN(share) ? UNKNOWN : String.format(Locale.ROOT, "%+.1f%%", share * 100);
    }

    /** 18.2 → "¥18.20", 12345.6 → "¥12,345.60" */
    public static String money(double yuan) {
        return Double.isNaN(yuan) ? UNKNOWN : String.format(Locale.ROOT, "¥%,.2f", yuan);
    }

    /** 5.1 → "+¥5.10", -0.8 → "-¥0.80" */
    public static String signedMoney(double yuan) {
        if (Double.isNaN(yuan)) return UNKNOWN;
        return (yuan < 0 ? "-" : "+") + money(Math.abs(yuan));
    }

    /** "0.077", "0.0021", "<0.0001" */
    public static String pValue(double p) {
        if (Double.isNaN(p)) return UNKNOWN;
        if (p < 0.0001) return "<0.0001";
        return p < 0.01 ? String.format(Locale.ROOT, "%.4f", p) : String.format(Locale.ROOT, "%.3f", p);
    }

    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A price per message: "¥0.045". */
    public static String price(double yuan) {
        return "¥" + BigDecimal.valueOf(yuan).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /**
     * Rounds for JSON and CSV: at most {@code decimals} places, no trailing zeros, never an exponent (scripts
     * read "0.000222", not "2.22E-4"); NaN becomes null (JSON has no NaN).
     */
    public static BigDecimal round(double v, int decimals) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return null;
        BigDecimal d = BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0) : d;
    }
}
