package dev.rekindle.segment;

import dev.rekindle.i18n.Tr;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The choices a snapshot is computed with; stored with the snapshot so that every figure can be explained.
 *
 * @param windowMonths   0 = frequency and monetary over all history; N = over the N months up to the as-of date
 * @param method         how the eight segments split high and low
 * @param stages         lifecycle thresholds for customers whose main category has none of its own
 * @param categoryStages thresholds per product category (the customer's main category decides)
 */
public record SegmentSettings(int windowMonths, ScoringMethod method, StageThresholds stages,
        Map<String, StageThresholds> categoryStages) {

    public SegmentSettings {
        if (windowMonths < 0 || windowMonths > 1200) {
            throw new IllegalArgumentException(Tr.f("the window is 0 (all history) or a number of months up to 1200, got %d", windowMonths));
        }
        categoryStages = Collections.unmodifiableMap(new TreeMap<>(categoryStages));
    }

    public static SegmentSettings defaults() {
        return new SegmentSettings(0, ScoringMethod.QUINTILES, StageThresholds.DEFAULT, Map.of());
    }

    public StageThresholds stagesFor(String category) {
        if (category == null) {
            return stages;
        }
        return categoryStages.getOrDefault(category, stages);
    }

    public boolean allHistory() {
        return windowMonths == 0;
    }

    public SegmentSettings withWindowMonths(int months) {
        return new SegmentSettings(months, method, stages, categoryStages);
    }

    public SegmentSettings withMethod(ScoringMethod m) {
        return new SegmentSettings(windowMonths, m, stages, categoryStages);
    }

    public SegmentSettings withStages(StageThresholds s) {
        return new SegmentSettings(windowMonths, method, s, categoryStages);
    }

    public SegmentSettings withCategoryStages(Map<String, StageThresholds> byCategory) {
        return new SegmentSettings(windowMonths, method, stages, byCategory);
    }

    /**
     * "母婴用品=30,60,90,180; 数码配件=180,365,540,730": categories separated by ';', each with four day counts.
     * A blank text is no category thresholds.
     */
    public static Map<String, StageThresholds> parseCategoryStages(String text) {
        Map<String, StageThresholds> map = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return map;
        }
        for (String entry : text.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(Tr.f("each category is CATEGORY=SILENT,SLEEPING,LOST,GONE "
                        + "(e.g. 母婴用品=30,60,90,180), got '%s'", entry.trim()));
            }
            String category = entry.substring(0, eq).trim();
            StageThresholds t;
            try {
                t = StageThresholds.parse(entry.substring(eq + 1));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(category + ": " + e.getMessage());
            }
            if (map.put(category, t) != null) {
                throw new IllegalArgumentException(Tr.f("category '%s' is given twice", category));
            }
        }
        return map;
    }

    /** One line for operators: "all history · quintiles · stages 90,180,270,365 · 母婴用品 30,60,90,180". */
    public String describe() {
        StringBuilder sb = new StringBuilder(allHistory() ? Tr.t("all history") : Tr.f("window %d months", windowMonths));
        sb.append(" · ").append(method.code()).append(" · ").append(Tr.f("stages %s", stages));
        categoryStages.forEach((c, t) -> sb.append(" · ").append(c).append(' ').append(t));
        return sb.toString();
    }
}
