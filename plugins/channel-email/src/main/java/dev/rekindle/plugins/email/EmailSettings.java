package dev.rekindle.plugins.email;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The plugin's settings ({@code rekindle.plugins.channel-email.*}). Not a record: its toString must never
 * show the password.
 */
final class EmailSettings {

    enum Tls { STARTTLS, SSL, NONE }

    final String host;
    final int port;
    final Tls tls;
    final String trust;
    final boolean checkServerIdentity;
    final String username;
    final String password;
    final String from;
    final String fromName;
    final String replyTo;
    final String unsubscribeUrl;
    final String unsubscribeMailto;
    final int connectTimeoutMs;
    final int timeoutMs;
    private final String tlsProblem;

    EmailSettings(Map<String, String> s, Map<String, String> env) {
        host = blankToNull(s.get("host"));
        Tls t;
        String problem = null;
        try {
            t = Tls.valueOf(s.getOrDefault("tls", "starttls").trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            t = Tls.STARTTLS;
            problem = "tls (starttls, ssl or none; got '" + s.get("tls") + "')";
        }
        tls = t;
        tlsProblem = problem;
        port = Integer.parseInt(s.getOrDefault("port", switch (tls) {
            case SSL -> "465";
            case STARTTLS -> "587";
            case NONE -> "25";
        }).trim());
        trust = blankToNull(s.get("trust"));
        checkServerIdentity = Boolean.parseBoolean(s.getOrDefault("check-server-identity", "true").trim());
        username = blankToNull(s.get("username"));
        String pw = blankToNull(s.get("password"));
        password = pw != null ? pw : blankToNull(env.get("REKINDLE_SMTP_PASSWORD"));
        from = blankToNull(s.get("from"));
        fromName = blankToNull(s.getOrDefault("from-name", s.get("host.shop-name")));
        replyTo = blankToNull(s.get("reply-to"));
        unsubscribeUrl = blankToNull(s.get("unsubscribe-url"));
        unsubscribeMailto = blankToNull(s.get("unsubscribe-mailto"));
        connectTimeoutMs = Integer.parseInt(s.getOrDefault("connect-timeout-ms", "5000").trim());
        timeoutMs = Integer.parseInt(s.getOrDefault("timeout-ms", "20000").trim());
    }

    List<String> missing() {
        List<String> m = new ArrayList<>();
        if (host == null) m.add("host");
        if (from == null) m.add("from");
        if (username != null && password == null) m.add("password (or env REKINDLE_SMTP_PASSWORD)");
        if (tlsProblem != null) m.add(tlsProblem);
        return m;
    }

    boolean canUnsubscribe() {
        return unsubscribeUrl != null || unsubscribeMailto != null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
