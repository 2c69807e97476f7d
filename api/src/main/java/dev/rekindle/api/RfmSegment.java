package dev.rekindle.api;

/** The classic eight RFM segments (high/low on recency, frequency, monetary; recent counts as high). */
public enum RfmSegment {
    IMPORTANT_VALUE("important_value", "重要价值客户"),
    IMPORTANT_DEVELOP("important_develop", "重要发展客户"),
    IMPORTANT_KEEP("important_keep", "重要保持客户"),
    IMPORTANT_RETAIN("important_retain", "重要挽留客户"),
    GENERAL_VALUE("general_value", "一般价值客户"),
    GENERAL_DEVELOP("general_develop", "一般发展客户"),
    GENERAL_KEEP("general_keep", "一般保持客户"),
    GENERAL_RETAIN("general_retain", "一般挽留客户");

    private static final java.util.Map<String, RfmSegment> BY_CODE = new java.util.HashMap<>();

    static {
        for (RfmSegment s : values()) BY_CODE.put(s.code, s);
    }

    private final String code;
    private final String chineseName;

    RfmSegment(String code, String chineseName) {
        this.code = code;
        this.chineseName = chineseName;
    }

    /** The code stored in the database and typed in commands, e.g. {@code important_keep}. */
    public String code() {
        return code;
    }

    public String chineseName() {
        return chineseName;
    }

    /** High monetary value: the four "important" segments. */
    public boolean important() {
        return name().startsWith("IMPORTANT_");
    }

    /** @throws IllegalArgumentException for an unknown code */
    public static RfmSegment fromCode(String code) {
        RfmSegment exact = BY_CODE.get(code);
        if (exact != null) {
            return exact;
        }
        String c = code.trim().replace('-', '_');
        for (RfmSegment s : values()) {
            if (s.code.equalsIgnoreCase(c) || s.chineseName.equals(code.trim())
                    || s.chineseName.substring(0, 4).equals(code.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown RFM segment '" + code + "'");
    }
}
