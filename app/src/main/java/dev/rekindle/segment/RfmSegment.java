package dev.rekindle.segment;

import java.util.Locale;
import java.util.Optional;

/**
 * The classic eight RFM segments: high or low on each of R, F and M, where a high R means a recent
 * purchase. The order is the order of DOMAIN.md's table.
 */
public enum RfmSegment {
    IMPORTANT_VALUE("重要价值", "important value", true, true, true, "VIP treatment, new-product trials, no discounts needed"),
    IMPORTANT_DEVELOP("重要发展", "important develop", true, false, true, "raise frequency: member benefits, follow-ups"),
    IMPORTANT_KEEP("重要保持", "important keep", false, true, true, "win back now: personal care + exclusive offer"),
    IMPORTANT_RETAIN("重要挽留", "important retain", false, false, true, "win back: targeted exclusive discount"),
    GENERAL_VALUE("一般价值", "general value", true, true, false, "raise basket: bundles, points"),
    GENERAL_DEVELOP("一般发展", "general develop", true, false, false, "nurture"),
    GENERAL_KEEP("一般保持", "general keep", false, true, false, "activity wake-up"),
    GENERAL_RETAIN("一般挽留", "general retain", false, false, false, "low-cost touch, then give up");

    private final String chinese;
    private final String english;
    private final boolean recent;
    private final boolean frequent;
    private final boolean valuable;
    private final String action;

    RfmSegment(String chinese, String english, boolean recent, boolean frequent, boolean valuable, String action) {
        this.chinese = chinese;
        this.english = english;
        this.recent = recent;
        this.frequent = frequent;
        this.valuable = valuable;
        this.action = action;
    }

    /** The value stored in {@code customer_snapshot.segment}, e.g. {@code important_retain}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String chinese() {
        return chinese;
    }

    public String english() {
        return english;
    }

    /** "重要挽留 important retain". */
    public String label() {
        return chinese + " " + english;
    }

    public String typicalAction() {
        return action;
    }

    public boolean recent() {
        return recent;
    }

    public boolean frequent() {
        return frequent;
    }

    public boolean valuable() {
        return valuable;
    }

    public static RfmSegment of(boolean recent, boolean frequent, boolean valuable) {
        for (RfmSegment s : values()) {
            if (s.recent == recent && s.frequent == frequent && s.valuable == valuable) {
                return s;
            }
        }
        throw new AssertionError("every combination has a segment");
    }

    /** By code, English or Chinese name: {@code important_retain}, {@code "important retain"}, {@code 重要挽留}, {@code 重要挽留客户}. */
    public static Optional<RfmSegment> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.trim().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (RfmSegment s : values()) {
            if (s.code().equals(n) || s.chinese.equals(n) || (s.chinese + "客户").equals(n)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    public static RfmSegment ofCode(String code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException("unknown segment " + code));
    }
}
