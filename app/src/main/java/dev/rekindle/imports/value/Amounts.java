package dev.rekindle.imports.value;

import dev.rekindle.i18n.Tr;
import java.util.regex.Pattern;

/**
 * Money and quantities as exports write them: {@code 128.00}, {@code ¥1,280.50}, {@code 99元}, {@code (12.00)}
 * for a negative value. A comma is accepted only as a thousands separator ({@code 1,280}); {@code 12,5} is
 * rejected rather than guessed.
 */
public final class Amounts {

    static String fix() {
        return Tr.t("Write amounts as plain numbers with a dot for decimals, e.g. 128.00 or 1280.5.");
    }
    private static final Pattern THOUSANDS = Pattern.compile("[-+]?\\d{1,3}(,\\d{3})+(\\.\\d+)?");

    private Amounts() {
    }

    /** A number; throws for empty or unreadable text. */
    public static double amount(String raw) {
        String s = raw == null ? "" : raw.strip();
        if (s.isEmpty()) {
            throw new BadValue(Tr.t("is empty"), Tr.t("Every row needs an amount; write 0 for free orders."));
        }
        if (isPlain(s)) {
            return finite(Double.parseDouble(s), raw);
        }
        String t = s.replace("¥", "").replace("￥", "").replace("$", "").replace("元", "").replace("RMB", "")
                .replace("CNY", "").replace(" ", "").replace("\u00A0", "");
        boolean negative = false;
        if (t.startsWith("(") && t.endsWith(")")) {
            negative = true;
            t = t.substring(1, t.length() - 1);
        }
        if (t.indexOf(',') >= 0) {
            if (!THOUSANDS.matcher(t).matches()) {
                throw new BadValue(Tr.t("is not an amount (a comma is only allowed between thousands)"), fix());
            }
            t = t.replace(",", "");
        }
        if (!isPlain(t)) {
            throw new BadValue(Tr.t("is not an amount"), fix());
        }
        double v = finite(Double.parseDouble(t), raw);
        return negative ? -v : v;
    }

    /** Digits with at most one dot and an optional leading sign: what Double.parseDouble should see. */
    private static boolean isPlain(String s) {
        int start = s.charAt(0) == '-' || s.charAt(0) == '+' ? 1 : 0;
        if (start == s.length()) return false;
        boolean dot = false;
        boolean digit = false;
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                return false;
            }
        }
        return digit && s.length() <= 20;
    }

    private static double finite(double v, String raw) {
        if (Double.isNaN(v) || Double.isInfinite(v) || Math.abs(v) > 1e12) {
            throw new BadValue(Tr.t("is not a plausible amount"), fix());
        }
        return v;
    }

    /** A whole number of items; "2.0" is 2, "2.5" is rejected. */
    public static int count(String raw) {
        double v = amount(raw);
        if (v != Math.rint(v) || Math.abs(v) > 1_000_000_000) {
            throw new BadValue(Tr.t("is not a whole number"), Tr.t("Write counts as whole numbers, e.g. 3."));
        }
        return (int) v;
    }

    /** Money is kept in yuan with fen (cents) precision: 12.345 → 12.35 (half up). */
    public static double cents(double v) {
        double scaled = v * 100;
        if (Math.abs(scaled - Math.rint(scaled)) < 1e-6) {
            return v; // already whole cents: keep the exact double the file gave
        }
        return java.math.BigDecimal.valueOf(v).setScale(2, java.math.RoundingMode.HALF_UP).doubleValue();
    }
}
