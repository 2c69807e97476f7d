package dev.rekindle.segment;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * A column of order times for a million customers without a million strings: 'YYYY-MM-DD HH:MM:SS' is
 * packed into the long YYYYMMDDHHMMSS (16 MB instead of about 64 MB per column). Any other text is kept
 * as it was, so that what is written back is exactly what was read.
 */
final class TimeColumn {

    private static final long NONE = 0;
    private static final long ODD = -1;

    private long[] packed;
    private final Map<Integer, String> odd = new HashMap<>();

    TimeColumn(int capacity) {
        packed = new long[Math.max(capacity, 16)];
    }

    void set(int i, String time) {
        if (i >= packed.length) {
            packed = java.util.Arrays.copyOf(packed, Math.max(i + 1, packed.length * 2));
        }
        if (time == null) {
            packed[i] = NONE;
            return;
        }
        long p = pack(time);
        packed[i] = p;
        if (p == ODD) {
            odd.put(i, time);
        }
    }

    String get(int i) {
        long p = packed[i];
        if (p == NONE) return null;
        if (p == ODD) return odd.get(i);
        return unpack(p);
    }

    boolean isPresent(int i) {
        return packed[i] != NONE;
    }

    /** The calendar day of the time, as days since 1970-01-01. */
    long epochDay(int i) {
        long p = packed[i];
        if (p == ODD) {
            return LocalDate.parse(odd.get(i).substring(0, 10)).toEpochDay();
        }
        long date = p / 1_000_000L;
        return LocalDate.of((int) (date / 10_000), (int) (date / 100 % 100), (int) (date % 100)).toEpochDay();
    }

    /** The packed form, or -1 when the text is not exactly 'YYYY-MM-DD HH:MM:SS' with a valid date. */
    static long pack(String t) {
        if (t.length() != 19 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != ' '
                || t.charAt(13) != ':' || t.charAt(16) != ':') {
            return ODD;
        }
        long v = 0;
        for (int k = 0; k < 19; k++) {
            if (k == 4 || k == 7 || k == 10 || k == 13 || k == 16) continue;
            char c = t.charAt(k);
            if (c < '0' || c > '9') return ODD;
            v = v * 10 + (c - '0');
        }
        long month = v / 100_000_000L % 100;
        long day = v / 1_000_000L % 100;
        return v >= 10_000_000_000_000L && month >= 1 && month <= 12 && day >= 1 && day <= 31 ? v : ODD;
    }

    static String unpack(long p) {
        char[] c = "0000-00-00 00:00:00".toCharArray();
        int[] positions = {18, 17, 15, 14, 12, 11, 9, 8, 6, 5, 3, 2, 1, 0};
        for (int pos : positions) {
            c[pos] = (char) ('0' + p % 10);
            p /= 10;
        }
        return new String(c);
    }
}
