package dev.rekindle.segment;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a customer is in the lifecycle, by days since their last purchase (DOMAIN.md). A customer enters a
 * stage on the day their recency reaches its threshold: with the default thresholds day 90 is the first day
 * of silence. {@link #NONE} is a customer who never bought.
 */
public enum LifecycleStage {
    ACTIVE("active", "活跃期"),
    SILENT("silent", "沉默期"),
    SLEEPING("sleeping", "睡眠期"),
    LOST("lost", "流失期"),
    GONE("gone", "已离开"),
    NONE("none", "未购买");

    private final String code;
    private final String chinese;

    LifecycleStage(String code, String chinese) {
        this.code = code;
        this.chinese = chinese;
    }

    /** The value stored in {@code customer_snapshot.stage}. */
    public String code() {
        return code;
    }

    public String chinese() {
        return chinese;
    }

    /** "沉默期 silent": how tables show it. */
    public String label() {
        return chinese + " " + code;
    }

    /** By code or Chinese name ({@code silent}, {@code SILENT}, {@code 沉默期}, {@code 沉默}). */
    public static Optional<LifecycleStage> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (LifecycleStage s : values()) {
            if (s.code.equals(n) || s.chinese.equals(n) || (s.chinese.endsWith("期") && (n + "期").equals(s.chinese))) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    public static LifecycleStage ofCode(String code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException("unknown stage " + code));
    }
}
