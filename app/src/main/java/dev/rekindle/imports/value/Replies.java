package dev.rekindle.imports.value;

import java.util.Locale;
import java.util.Set;

/**
 * Consent decisions as people and gateways write them. The replies a marketing SMS invites — T, TD, N,
 * 退订 — and their relatives mean refusal; Y, 同意, 订阅 … mean consent. Anything else is not a decision.
 */
public final class Replies {

    private static final Set<String> REFUSALS = Set.of("T", "TD", "N", "NO", "退订", "退", "取消", "取消订阅", "拒绝",
            "不同意", "否", "STOP", "UNSUBSCRIBE", "OPTOUT", "OPT_OUT", "OPT-OUT", "REFUSED", "REFUSE", "DENIED", "0", "FALSE");
    private static final Set<String> GRANTS = Set.of("Y", "YES", "同意", "订阅", "是", "接受", "OPTIN", "OPT_IN", "OPT-IN",
            "GRANTED", "GRANT", "SUBSCRIBE", "SUBSCRIBED", "1", "TRUE");

    private Replies() {
    }

    /** TRUE = consent, FALSE = refusal, null = not a decision (e.g. "谢谢" or an empty cell). */
    public static Boolean decision(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s。.!！,，]+$", "").replaceAll("^[\\s\"'“”]+|[\\s\"'“”]+$", "");
        if (s.isEmpty()) {
            return null;
        }
        if (REFUSALS.contains(s)) return Boolean.FALSE;
        if (GRANTS.contains(s)) return Boolean.TRUE;
        // free text: a refusal word anywhere wins (回T退订, 请退订, 退订谢谢)
        if (s.contains("退订") || s.contains("UNSUBSCRIBE") || s.contains("不要再发") || s.contains("别发")) return Boolean.FALSE;
        return null;
    }

    /** The store's channel id: sms, email, wechat … or '*' for every channel. */
    public static String channel(String raw) {
        String c = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        switch (c) {
            case "", "*", "all", "any", "全部", "所有":
                return "*";
            case "短信", "sms", "text":
                return "sms";
            case "邮件", "邮箱", "email", "e-mail", "mail":
                return "email";
            case "微信", "wechat", "weixin", "wecom", "企业微信":
                return "wechat";
            case "电话", "phone", "call":
                return "phone";
            default:
                return c;
        }
    }

    /** Mobile digits without +86/86 and punctuation, for matching numbers written differently. */
    public static String mobileDigits(String raw) {
        if (raw == null) {
            return null;
        }
        String d = raw.replaceAll("[^0-9]", "");
        if (d.length() == 13 && d.startsWith("86")) d = d.substring(2);
        return d.isEmpty() ? null : d;
    }
}
