package dev.rekindle.report;

import java.util.List;
import java.util.Map;

/**
 * Names of lifecycle stages and RFM segments as operators read them (Chinese first, as in the articles),
 * in their natural order. The codes are those of {@code customer_snapshot}; JSON and CSV keep the codes.
 */
public final class Labels {

    public static final List<String> STAGES = List.of("active", "silent", "sleeping", "lost", "gone", "none");
    public static final List<String> SEGMENTS = List.of("important_value", "important_develop", "important_keep",
            "important_retain", "general_value", "general_develop", "general_keep", "general_retain");

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("active", "活跃期 active"), Map.entry("silent", "沉默期 silent"),
            Map.entry("sleeping", "睡眠期 sleeping"), Map.entry("lost", "流失期 lost"),
            Map.entry("gone", "已流失 gone"), Map.entry("none", "未购买 never bought"),
            Map.entry("important_value", "重要价值"), Map.entry("important_develop", "重要发展"),
            Map.entry("important_keep", "重要保持"), Map.entry("important_retain", "重要挽留"),
            Map.entry("general_value", "一般价值"), Map.entry("general_develop", "一般发展"),
            Map.entry("general_keep", "一般保持"), Map.entry("general_retain", "一般挽留"),
            Map.entry("unknown", "unknown"));

    private Labels() {
    }

    /** "沉默期 silent", "重要价值 important_value"; unknown codes as they are. */
    public static String of(String code) {
        String name = NAMES.get(code);
        if (name == null) {
            return code;
        }
        return SEGMENTS.contains(code) ? name + " " + code : name;
    }

    /** Position of a stage or segment in its natural order; unknown codes last. */
    public static int order(String code) {
        int s = STAGES.indexOf(code);
        if (s >= 0) return s;
        int g = SEGMENTS.indexOf(code);
        return g >= 0 ? g : 100;
    }
}
