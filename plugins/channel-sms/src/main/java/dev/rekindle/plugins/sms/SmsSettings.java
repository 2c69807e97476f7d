package dev.rekindle.plugins.sms;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The plugin's settings ({@code rekindle.plugins.channel-sms.*}). The AccessKey may also come from
 * Aliyun's usual environment variables. Not a record: its toString must never show the secret.
 */
final class SmsSettings {

    static final String DEFAULT_ENDPOINT = "https://dysmsapi.aliyuncs.com";
    /** QuerySendDetails answers for the last 30 days only (SendDate: "支持查询最近 30 天的记录"). */
    static final int MAX_QUERY_DAYS = 30;

    final String gateway;
    final String endpoint;
    final String accessKeyId;
    final String accessKeySecret;
    final String signName;
    final String templateCode;
    final String regionId;
    final String textParam;
    final Duration connectTimeout;
    final Duration timeout;
    final boolean batch;
    final int queryDays;

    SmsSettings(Map<String, String> s, Map<String, String> env) {
        gateway = s.getOrDefault("gateway", "aliyun").trim().toLowerCase();
        endpoint = strip(s.getOrDefault("endpoint", DEFAULT_ENDPOINT));
        accessKeyId = first(s.get("access-key-id"), env.get("ALIBABA_CLOUD_ACCESS_KEY_ID"));
        accessKeySecret = first(s.get("access-key-secret"), env.get("ALIBABA_CLOUD_ACCESS_KEY_SECRET"));
        // the approved signature; the shop's own signature is the natural default
        signName = first(s.get("sign-name"), s.get("host.shop-signature"));
        templateCode = blankToNull(s.get("template-code"));
        regionId = s.getOrDefault("region-id", "cn-hangzhou");
        textParam = blankToNull(s.get("text-param"));
        connectTimeout = Duration.ofMillis(Long.parseLong(s.getOrDefault("connect-timeout-ms", "3000")));
        timeout = Duration.ofMillis(Long.parseLong(s.getOrDefault("timeout-ms", "10000")));
        batch = Boolean.parseBoolean(s.getOrDefault("batch", "false"));
        // the widest window Aliyun allows by default: an unknown found late is one the host need not ask about
        queryDays = Math.max(1, Math.min(MAX_QUERY_DAYS, Integer.parseInt(s.getOrDefault("query-days", String.valueOf(MAX_QUERY_DAYS)))));
    }

    List<String> missing() {
        List<String> m = new ArrayList<>();
        if (!gateway.equals("aliyun")) m.add("gateway (only 'aliyun' is built in; '" + gateway + "' is not)");
        if (accessKeyId == null) m.add("access-key-id");
        if (accessKeySecret == null) m.add("access-key-secret");
        if (signName == null) m.add("sign-name");
        if (templateCode == null) m.add("template-code");
        return m;
    }

    private static String strip(String url) {
        String u = url.trim();
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }

    private static String first(String a, String b) {
        return blankToNull(a) != null ? a.trim() : blankToNull(b);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
