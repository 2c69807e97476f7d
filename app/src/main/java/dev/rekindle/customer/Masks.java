package dev.rekindle.customer;

/**
 * How personal contact data appears on screen and in logs: enough to recognise, not enough to misuse.
 * Full numbers and addresses are only ever handed to a channel.
 */
public final class Masks {

    private Masks() {
    }

    /** A Taobao/JD privacy number: the relay number, then its extension (13900001111-1234, …转1234). */
    private static final java.util.regex.Pattern EXTENSION =
            java.util.regex.Pattern.compile("(\\+?[\\d ]{11,16}?)\\s*([-_#转,，]\\s*\\d{1,6})");

    /** 13812341234 → 138****1234; numbers that are already masked stay as they are. */
    public static String mobile(String mobile) {
        if (mobile == null || mobile.isBlank()) return "";
        String m = mobile.trim();
        if (m.contains("*")) return m;
        java.util.regex.Matcher ext = EXTENSION.matcher(m);
        if (ext.matches()) {
            return mobile(ext.group(1)) + ext.group(2).replace(" ", ""); // 139****1111-1234: the extension is not personal
        }
        String digits = m.replaceAll("[^0-9]", "");
        if (digits.length() >= 11) {
            String local = digits.substring(digits.length() - 11);
            return local.substring(0, 3) + "****" + local.substring(7);
        }
        if (digits.length() <= 4) return "****";
        return "*".repeat(digits.length() - 4) + digits.substring(digits.length() - 4);
    }

    /**
     * An address of a kind the host does not know (a LINE or DingTalk id…): the first two and the last two
     * characters, so the operator can tell addresses apart without reading them; short ones entirely hidden.
     */
    public static String other(String address) {
        if (address == null) return null;
        int n = address.codePointCount(0, address.length());
        if (n <= 6) return "***";
        int head = address.offsetByCodePoints(0, 2);
        int tail = address.offsetByCodePoints(0, n - 2);
        return address.substring(0, head) + "***" + address.substring(tail);
    }

    /** zhangwei88@qq.com → zh***@qq.com */
    public static String email(String email) {
        if (email == null || email.isBlank()) return "";
        int at = email.indexOf('@');
        if (at <= 0) return "***";
        String local = email.substring(0, at);
        String keep = local.length() > 2 ? local.substring(0, 2) : local.substring(0, 1);
        return keep + "***" + email.substring(at);
    }

    /** wxid_abc123xyz → wxid_***xyz */
    public static String wechat(String id) {
        if (id == null || id.isBlank()) return "";
        return id.length() <= 6 ? "***" : id.substring(0, Math.min(5, id.length() - 3)) + "***" + id.substring(id.length() - 3);
    }

    /** 王小明 → 王** (the surname stays, so the operator can still greet the customer). */
    public static String name(String name) {
        if (name == null || name.isBlank()) return "";
        return name.substring(0, 1) + "*".repeat(Math.max(1, name.length() - 1));
    }
}
