package dev.rekindle.template;

/**
 * How an SMS is counted and split by Chinese carriers: a message in plain ASCII (GSM 7-bit) fits 160
 * characters in one SMS and 153 per part when longer; anything with Chinese (UCS-2) fits 70, then 67 per
 * part. The 【signature】 counts, as the carrier adds nothing of its own.
 */
public final class SmsLength {

    public static final int UCS2_SINGLE = 70;
    public static final int UCS2_PART = 67;
    public static final int GSM_SINGLE = 160;
    public static final int GSM_PART = 153;

    private SmsLength() {
    }

    /** Characters as carriers count them (UTF-16 units: an emoji counts two). */
    public static int chars(String text) {
        return text == null ? 0 : text.length();
    }

    public static int parts(String text) {
        int n = chars(text);
        if (n == 0) return 0;
        boolean gsm = isGsm(text);
        int single = gsm ? GSM_SINGLE : UCS2_SINGLE;
        int part = gsm ? GSM_PART : UCS2_PART;
        return n <= single ? 1 : (n + part - 1) / part;
    }

    private static boolean isGsm(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > 0x7e || (c < 0x20 && c != '\n' && c != '\r') || c == '`' || c == '^' || c == '{' || c == '}'
                    || c == '\\' || c == '[' || c == ']' || c == '~' || c == '|') {
                return false;
            }
        }
        return true;
    }
}
