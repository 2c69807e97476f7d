package dev.rekindle.guard;

import java.util.ArrayList;
import java.util.List;

/** At most {@code count} messages of one purpose per customer within {@code days} days, across campaigns. */
public record FrequencyCap(int count, int days) {

    public FrequencyCap {
        if (count < 0 || days < 1) throw new IllegalArgumentException("a cap needs count >= 0 and days >= 1");
    }

    /** "1/7d,4/30d" → two caps; empty or "none" → no cap. */
    public static List<FrequencyCap> parseList(String spec) {
        List<FrequencyCap> caps = new ArrayList<>();
        if (spec == null || spec.isBlank() || spec.trim().equalsIgnoreCase("none")) return caps;
        for (String part : spec.split(",")) {
            String p = part.trim().toLowerCase();
            int slash = p.indexOf('/');
            if (slash < 0 || !p.endsWith("d")) {
                throw new IllegalArgumentException("a frequency cap looks like 1/7d (count per days), got '" + part.trim() + "'");
            }
            caps.add(new FrequencyCap(Integer.parseInt(p.substring(0, slash).trim()),
                    Integer.parseInt(p.substring(slash + 1, p.length() - 1).trim())));
        }
        return caps;
    }
}
