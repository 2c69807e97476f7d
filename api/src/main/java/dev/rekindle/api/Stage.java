package dev.rekindle.api;

/**
 * Where a customer is in the lifecycle, by days since the last purchase (thresholds are the host's
 * settings, per category). {@link #NONE} is a customer who never bought.
 */
public enum Stage {
    ACTIVE("active", "活跃期"),
    SILENT("silent", "沉默期"),
    SLEEPING("sleeping", "睡眠期"),
    LOST("lost", "流失期"),
    GONE("gone", "已流失"),
    NONE("none", "未购买");

    private static final java.util.Map<String, Stage> BY_CODE = new java.util.HashMap<>();

    static {
        for (Stage s : values()) BY_CODE.put(s.code, s);
    }

    private final String code;
    private final String chineseName;

    Stage(String code, String chineseName) {
        this.code = code;
        this.chineseName = chineseName;
    }

    /** The code stored in the database and typed in commands, e.g. {@code silent}. */
    public String code() {
        return code;
    }

    public String chineseName() {
        return chineseName;
    }

    /** @throws IllegalArgumentException for an unknown code */
    public static Stage fromCode(String code) {
        Stage exact = BY_CODE.get(code);
        if (exact != null) {
            return exact;
        }
        for (Stage s : values()) {
            if (s.code.equalsIgnoreCase(code.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown stage '" + code + "'");
    }
}
