package dev.rekindle.report.campaign;

import dev.rekindle.report.uplift.GroupOutcome;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Contacted and holdout outcomes, overall and per segment, stage and channel, added one member at a time. */
final class Tallies {

    /** The pair compared in every row of the report. */
    static final class Pair {
        GroupOutcome contacted = GroupOutcome.EMPTY;
        GroupOutcome holdout = GroupOutcome.EMPTY;
        // what each buyer spent: the permutation test re-splits buyers, non-buyers are only counted
        final Spend contactedSpend = new Spend();
        final Spend holdoutSpend = new Spend();

        void add(boolean isContacted, double revenue, boolean ordered) {
            if (isContacted) {
                contacted = contacted.plus(revenue, ordered);
                if (ordered) {
                    contactedSpend.add(revenue);
                }
            } else {
                holdout = holdout.plus(revenue, ordered);
                if (ordered) {
                    holdoutSpend.add(revenue);
                }
            }
        }
    }

    /** A growing list of amounts without boxing: a campaign can have tens of thousands of buyers. */
    static final class Spend {
        private double[] values = new double[16];
        private int size;

        void add(double v) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        double[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }

    final Pair overall = new Pair();
    final Map<String, Pair> segments;
    final Map<String, Pair> stages;
    final Map<String, Pair> channels = new TreeMap<>();

    Tallies(Comparator<String> naturalOrder) {
        segments = new TreeMap<>(naturalOrder);
        stages = new TreeMap<>(naturalOrder);
    }

    void add(boolean contacted, String segment, String stage, String channel, double revenue, boolean ordered) {
        overall.add(contacted, revenue, ordered);
        segments.computeIfAbsent(segment, k -> new Pair()).add(contacted, revenue, ordered);
        stages.computeIfAbsent(stage, k -> new Pair()).add(contacted, revenue, ordered);
        channels.computeIfAbsent(channel, k -> new Pair()).add(contacted, revenue, ordered);
    }

    static Map<String, Pair> copy(Map<String, Pair> m) {
        return new LinkedHashMap<>(m);
    }
}
