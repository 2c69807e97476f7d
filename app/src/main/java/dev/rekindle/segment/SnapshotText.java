package dev.rekindle.segment;

import dev.rekindle.console.Table;
import dev.rekindle.console.TextWidth;
import dev.rekindle.i18n.Tr;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** How a snapshot introduces itself above every report that uses it. */
final class SnapshotText {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SnapshotText() {
    }

    /** "Snapshot #4 as of 2025-01-01 (made 2025-01-02 10:11:12; all history; quintiles) — 1,000,000 customers". */
    static String header(Snapshot s) {
        JsonNode settings = settings(s);
        int window = settings.path("window_months").asInt(0);
        return TextWidth.wrapAt(Tr.f("Snapshot #%d as of %s (made %s; %s; %s; stages %s) — %,d customers", s.id(),
                s.asOf(), s.createdAt(), window == 0 ? Tr.t("all history") : Tr.f("window %d months", window),
                settings.path("method").asString("quintiles"), join(settings.path("stages"), ","), s.customers()), " — ",
                Table.SCREEN, "");
    }

    /** What the operator chose for a snapshot, for {@code segments history}: "window 12 months; quintiles; stages 90,180,270,365". */
    static String choices(Snapshot s) {
        JsonNode settings = settings(s);
        int window = settings.path("window_months").asInt(0);
        return Tr.f("%s; %s; stages %s", window == 0 ? Tr.t("all history") : Tr.f("window %d months", window),
                settings.path("method").asString("quintiles"), join(settings.path("stages"), ","));
    }

    /**
     * The score ranges in the snapshot's own units, e.g.
     * "R days 5: 0–61 · 4: 62–184 · 3: 185–362 · 2: 363–593 · 1: 594+ | F orders 1: 1 · 4: 2–3 · 5: 4+ | M ¥ …".
     * Scores that no value can reach (ties) are left out.
     */
    static String cuts(Snapshot s) {
        JsonNode settings = settings(s);
        if (!settings.has("r_cuts_days")) {
            return Tr.t("scores: nobody bought in the window");
        }
        return Tr.f("scores: R days %s | F orders %s | M ¥ %s", recencyRanges(numbers(settings.path("r_cuts_days"))),
                countRanges(numbers(settings.path("f_cuts_orders"))), amountRanges(numbers(settings.path("m_cuts_amount"))));
    }

    /** {@link #cuts} wrapped to the screen at its " | ", the F and M lines under the R one. */
    static String cutLines(Snapshot s, String indent) {
        // the F and M lines start under "scores: "
        return indent + TextWidth.wrapAt(cuts(s), " | ", Table.SCREEN - indent.length(), indent + "       ");
    }

    /** Score k+1 for fewer days than cut k (cuts descending); days are whole numbers. */
    private static String recencyRanges(double[] cuts) {
        List<String> parts = new ArrayList<>();
        long low = 0;
        for (int score = 5; score >= 1; score--) {
            long high = score == 1 ? Long.MAX_VALUE : (long) cuts[score - 2] - 1;   // below cut[score-2]
            if (high >= low) {
                parts.add(score + ": " + (high == Long.MAX_VALUE ? low + "+" : low == high ? String.valueOf(low) : low + "–" + high));
            }
            if (high != Long.MAX_VALUE) low = Math.max(low, high + 1);
        }
        return String.join(" · ", parts);
    }

    /** Score k+1 for more than cut k (cuts ascending); counts are whole numbers from 1. */
    private static String countRanges(double[] cuts) {
        List<String> parts = new ArrayList<>();
        long low = 1;
        for (int score = 1; score <= 5; score++) {
            long high = score == 5 ? Long.MAX_VALUE : (long) cuts[score - 1];
            if (high >= low) {
                parts.add(score + ": " + (high == Long.MAX_VALUE ? low + "+" : low == high ? String.valueOf(low) : low + "–" + high));
            }
            if (high != Long.MAX_VALUE) low = Math.max(low, high + 1);
        }
        return String.join(" · ", parts);
    }

    private static String amountRanges(double[] cuts) {
        List<String> parts = new ArrayList<>();
        for (int score = 1; score <= 5; score++) {
            if (score == 5) {
                parts.add("5: >" + shown(cuts[3]));
            } else if (score == 1 || cuts[score - 1] > cuts[score - 2]) {
                parts.add(score + ": ≤" + shown(cuts[score - 1]));
            }
        }
        return String.join(" · ", parts);
    }

    private static double[] numbers(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    private static String shown(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    static JsonNode settings(Snapshot s) {
        try {
            return JSON.readTree(s.settings());
        } catch (RuntimeException e) {
            return JSON.createObjectNode();
        }
    }

    private static String join(JsonNode array, String separator) {
        List<String> parts = new ArrayList<>();
        array.forEach(n -> {
            double d = n.asDouble();
            parts.add(d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d));
        });
        return String.join(separator, parts);
    }
}
