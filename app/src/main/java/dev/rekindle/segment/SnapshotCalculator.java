package dev.rekindle.segment;

import dev.rekindle.api.RfmSegment;
import dev.rekindle.api.Stage;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns customer facts into a snapshot: recency in calendar days up to the as-of date, R/F/M quintile
 * scores, lifecycle stage (the customer's main category picks the thresholds) and one of the eight
 * segments. Pure computation: no database, so the rules are tested directly.
 *
 * <p>Who is scored: customers with at least one purchase in the window (all buyers when the window is all
 * history). Customers who bought only before the window keep their stage but get no scores or segment;
 * customers who never bought are stage {@code none}.
 */
final class SnapshotCalculator {

    private SnapshotCalculator() {
    }

    static ScoredCustomers compute(CustomerFacts facts, SegmentSettings settings, LocalDate asOf) {
        int n = facts.size();
        ScoredCustomers out = new ScoredCustomers(n);
        long asOfDay = asOf.toEpochDay();
        StageThresholds[] byCategory = thresholdsByCategory(facts.categories(), settings);

        // 1. recency and stage (whole history); the values to score (customers in the window)
        double[] rValues = new double[n];
        double[] fValues = new double[n];
        double[] mValues = new double[n];
        int scored = 0;
        for (int i = 0; i < n; i++) {
            if (!facts.hasBought(i)) {
                out.recency[i] = -1;
                out.stage[i] = (byte) Stage.NONE.ordinal();
                continue;
            }
            int recency = (int) (asOfDay - facts.lastOrderDay(i));
            if (recency < 0) {
                throw new IllegalStateException("customer " + facts.customerId(i) + " has a purchase after the as-of date");
            }
            out.recency[i] = recency;
            int c = facts.categoryIndex(i);
            out.stage[i] = (byte) (c < 0 ? settings.stages() : byCategory[c]).stageOf(recency).ordinal();
            if (facts.frequency(i) > 0) {
                rValues[scored] = recency;
                fValues[scored] = facts.frequency(i);
                mValues[scored] = facts.monetary(i);
                scored++;
            }
        }

        // 2. quintile cuts; averages for the high/low split
        QuantileScale rScale = QuantileScale.fitLowerIsBetter(rValues, scored);
        QuantileScale fScale = QuantileScale.fit(fValues, scored);
        QuantileScale mScale = QuantileScale.fit(mValues, scored);
        double rMean = mean(rValues, scored), fMean = mean(fValues, scored), mMean = mean(mValues, scored);
        long rSum = 0, fSum = 0, mSum = 0;
        for (int i = 0; i < n; i++) {
            if (facts.hasBought(i) && facts.frequency(i) > 0) {
                out.r[i] = (byte) rScale.score(out.recency[i]);
                out.f[i] = (byte) fScale.score(facts.frequency(i));
                out.m[i] = (byte) mScale.score(facts.monetary(i));
                rSum += out.r[i];
                fSum += out.f[i];
                mSum += out.m[i];
            }
        }
        double rAvg = scored == 0 ? 0 : (double) rSum / scored;
        double fAvg = scored == 0 ? 0 : (double) fSum / scored;
        double mAvg = scored == 0 ? 0 : (double) mSum / scored;

        // 3. segments
        for (int i = 0; i < n; i++) {
            if (out.r[i] == 0) {
                out.segment[i] = -1;
                continue;
            }
            boolean recent, frequent, valuable;
            if (settings.method() == ScoringMethod.QUINTILES) {
                recent = out.r[i] > rAvg;
                frequent = out.f[i] > fAvg;
                valuable = out.m[i] > mAvg;
            } else {
                recent = out.recency[i] < rMean;
                frequent = facts.frequency(i) > fMean;
                valuable = facts.monetary(i) > mMean;
            }
            out.segment[i] = (byte) RfmSegment.of(recent, frequent, valuable).ordinal();
        }

        out.scored = scored;
        out.explanation = explanation(settings, scored, rScale, fScale, mScale,
                new double[]{rAvg, fAvg, mAvg}, new double[]{rMean, fMean, mMean});
        out.countCells(facts);
        return out;
    }

    private static StageThresholds[] thresholdsByCategory(List<String> categories, SegmentSettings settings) {
        StageThresholds[] t = new StageThresholds[categories.size()];
        for (int c = 0; c < t.length; c++) {
            t[c] = settings.stagesFor(categories.get(c));
        }
        return t;
    }

    private static double mean(double[] values, int count) {
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += values[i];
        }
        return count == 0 ? 0 : sum / count;
    }

    /** What the snapshot records about how its scores were made (stored as JSON with the snapshot). */
    private static Map<String, Object> explanation(SegmentSettings s, int scored, QuantileScale r, QuantileScale f,
            QuantileScale m, double[] averageScores, double[] means) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("window_months", s.windowMonths());
        e.put("method", s.method().code());
        e.put("stages", s.stages().asList());
        Map<String, Object> cat = new LinkedHashMap<>();
        s.categoryStages().forEach((k, v) -> cat.put(k, v.asList()));
        e.put("category_stages", cat);
        e.put("scored_customers", scored);
        if (scored > 0) {
            e.put("r_cuts_days", round(r.cuts()));
            e.put("f_cuts_orders", round(f.cuts()));
            e.put("m_cuts_amount", round(m.cuts()));
            e.put("average_scores", round(averageScores));
            e.put("means", round(means));
        }
        return e;
    }

    private static double[] round(double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Math.round(values[i] * 100) / 100.0;
        }
        return out;
    }
}
