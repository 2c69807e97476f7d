package dev.rekindle.imports.value;

import dev.rekindle.customer.MobileNumbers;
import dev.rekindle.i18n.Tr;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Contact details as exports give them. Phone numbers are kept exactly as given (a masked 138****1234 still
 * identifies the person to the platform) and flagged: {@code masked} when digits are hidden, {@code virtual}
 * for Taobao/JD privacy numbers that forward to the buyer (an extension after the number, 转 or 虚拟).
 */
public final class Contacts {

    public static final String MASKED = "masked";
    public static final String VIRTUAL = "virtual";

    private static final Pattern EXTENSION = Pattern.compile("\\+?\\d{11,13}\\s*[-_#转,，]\\s*\\d{1,6}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private Contacts() {
    }

    /** 'masked', 'virtual' or null for an ordinary number (or none). */
    public static String mobileNote(String mobile) {
        if (mobile == null || mobile.isBlank()) {
            return null;
        }
        if (mobile.indexOf('*') >= 0 || mobile.indexOf('＊') >= 0) {
            return MASKED;
        }
        if (EXTENSION.matcher(mobile.strip()).matches() || mobile.contains("虚拟") || mobile.contains("转")) {
            return VIRTUAL;
        }
        return null;
    }

    /**
     * The mobile number as given, checked by libphonenumber unless it is masked or a privacy number
     * (those are kept and flagged, see {@link #mobileNote}).
     */
    public static String mobile(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (mobileNote(raw) != null) {
            return raw;
        }
        switch (MobileNumbers.check(raw)) {
            case INVALID -> throw new BadValue(Tr.t("is not a valid mobile number"),
                    Tr.t("Write an 11-digit mainland mobile such as 13812345678 (or with its country code, +86 …), or leave the cell empty."));
            case NOT_MOBILE -> throw new BadValue(Tr.t("is a landline or service number, not a mobile: it cannot receive SMS"),
                    Tr.t("Put the customer's mobile number here, or leave the cell empty."));
            default -> {
                return raw;
            }
        }
    }

    public static String email(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String e = raw.strip();
        if (!EMAIL.matcher(e).matches()) {
            throw new BadValue(Tr.t("is not an email address"), Tr.t("Write one address per cell, like name@example.com, or leave it empty."));
        }
        return e;
    }

    /** 'F', 'M' or null; WeChat's numeric codes (1 male, 2 female, 0 unknown) are understood. */
    public static String gender(String raw) {
        String g = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        switch (g) {
            case "", "0", "未知", "保密", "unknown", "u", "-":
                return null;
            case "m", "male", "man", "男", "1", "先生":
                return "M";
            case "f", "female", "woman", "女", "2", "女士":
                return "F";
            default:
                throw new BadValue(Tr.t("is not a gender"), Tr.t("Use 男/女, M/F or male/female (empty when unknown)."));
        }
    }

    /** The store's levels: normal, senior, vip, svip (Taobao's 普通会员, 高级会员, VIP会员, 至尊VIP会员). */
    public static String memberLevel(String raw) {
        String l = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT).replace("会员", "").replace(" ", "");
        switch (l) {
            case "":
                return null;
            case "normal", "regular", "普通", "1", "v1":
                return "normal";
            case "senior", "silver", "高级", "2", "v2":
                return "senior";
            case "vip", "gold", "3", "v3":
                return "vip";
            case "svip", "supreme", "platinum", "至尊vip", "至尊", "4", "v4":
                return "svip";
            default:
                throw new BadValue(Tr.t("is not a member level"), Tr.t("Use normal, senior, vip or svip (or 普通会员, 高级会员, VIP会员, 至尊VIP会员)."));
        }
    }
}
