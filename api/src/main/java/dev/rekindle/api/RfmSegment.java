package dev.rekindle.api;

/**
 * The classic eight RFM segments (high/low on recency, frequency, monetary; recent counts as high), in the
 * order of the domain's table.
 */
public enum RfmSegment {
    IMPORTANT_VALUE("important_value", "重要价值客户", true, true),
    IMPORTANT_DEVELOP("important_develop", "重要发展客户", true, false),
    IMPORTANT_KEEP("important_keep", "重要保持客户", false, true),
    IMPORTANT_RETAIN("important_retain", "重要挽留客户", false, false),
    GENERAL_VALUE("general_value", "一般价值客户", true, true),
    GENERAL_DEVELOP("general_develop", "一般发展客户", true, false),
    GENERAL_KEEP("general_keep", "一般保持客户", false, true),
    GENERAL_RETAIN("general_retain", "一般挽留客户", false, false);

    private static final java.util.Map<String, RfmSegment> BY_CODE = new java.util.HashMap<>();

    static {
        for (RfmSegment s : values()) BY_CODE.put(s.code, s);
    }

    private final String code;
    private final String chineseName;
    private final boolean recent;
    private final boolean frequent;

    RfmSegment(String code, String chineseName, boolean recent, boolean frequent) {
        this.code = code;
        this.chineseName = chineseName;
        this.recent = recent;
        this.frequent = frequent;
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

    /** High on R: the last purchase is recent. */
    public boolean recent() {
        return recent;
    }

    /** High on F: buys often. */
    public boolean frequent() {
        return frequent;
    }

    /** The segment of a customer high or low on each of R, F and M (M high = {@link #important()}). */
    public static RfmSegment of(boolean recent, boolean frequent, boolean valuable) {
        for (RfmSegment s : values()) {
            if (s.recent == recent && s.frequent == frequent && s.important() == valuable) {
                return s;
            }
        }
        throw new AssertionError("every combination has a segment");
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
