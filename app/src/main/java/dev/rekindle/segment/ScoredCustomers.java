package dev.rekindle.segment;

import dev.rekindle.api.RfmSegment;
import dev.rekindle.api.Stage;
import java.util.Map;

/**
 * The computed columns of a snapshot, aligned with the {@link CustomerFacts} they came from, and the
 * per-cell counts (stage × segment × R × F) that summaries read.
 */
final class ScoredCustomers {

    static final int STAGES = Stage.values().length;
    static final int SEGMENTS = RfmSegment.values().length + 1;   // the last one: no segment

    final int[] recency;     // -1: never bought
    final byte[] r;          // 0: not scored
    final byte[] f;
    final byte[] m;
    final byte[] stage;      // Stage ordinal
    final byte[] segment;    // RfmSegment ordinal, -1: none
    int scored;
    Map<String, Object> explanation;

    final long[] cellCustomers = new long[STAGES * SEGMENTS * 6 * 6];
    final double[] cellMonetary = new double[cellCustomers.length];
    final long[] cellFrequency = new long[cellCustomers.length];
    final long[] cellRecency = new long[cellCustomers.length];

    ScoredCustomers(int n) {
        recency = new int[n];
        r = new byte[n];
        f = new byte[n];
        m = new byte[n];
        stage = new byte[n];
        segment = new byte[n];
    }

    static int cell(int stage, int segment, int r, int f) {
        int seg = segment < 0 ? SEGMENTS - 1 : segment;
        return ((stage * SEGMENTS + seg) * 6 + r) * 6 + f;
    }

    void countCells(CustomerFacts facts) {
        for (int i = 0; i < recency.length; i++) {
            int c = cell(stage[i], segment[i], r[i], f[i]);
            cellCustomers[c]++;
            cellMonetary[c] += facts.monetary(i);
            cellFrequency[c] += facts.frequency(i);
            cellRecency[c] += Math.max(recency[i], 0);
        }
    }
}
