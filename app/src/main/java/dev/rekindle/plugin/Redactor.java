package dev.rekindle.plugin;

import dev.rekindle.customer.Masks;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes secrets and full mobile numbers out of text before it is logged or stored, whatever a plugin
 * or a provider put in it. Secrets are the values of plugin settings declared secret (or whose key looks
 * secret), registered when they are bound; {@code key=value} pairs whose key names a secret are masked
 * too, because a provider may echo a token the host never saw. Mobile numbers become {@code 132****4916}.
 * Used by the log layout (every line) and by the delivery ledger (stored details).
 */
public final class Redactor {

    public static final String MASK = "****";

    private static final Pattern MOBILE = Pattern.compile("(?<![0-9])(?:\\+?86|0086)?1[3-9][0-9]{9}(?![0-9])");
    /** token=abc, "secret":"abc", access_key_secret: abc, password=abc … */
    private static final Pattern SECRET_PAIR = Pattern.compile(
            "(?i)((?:[a-z_\\-]*(?:token|secret|password|passwd|signature|api[_-]?key|access[_-]?key(?:[_-]?id)?))\"?\\s*[=:]\\s*\"?)"
                    + "([^\\s\"&,;}]+)");
    /** Shorter values would mask ordinary words; a real secret is longer. */
    private static final int MIN_SECRET = 6;

    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();
    private static volatile List<String> longestFirst = List.of();

    private Redactor() {
    }

    /** From now on this value is masked wherever it appears. */
    public static void secret(String value) {
        if (value == null) return;
        String v = value.trim();
        if (v.length() < MIN_SECRET || !SECRETS.add(v)) return;
        longestFirst = SECRETS.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    public static String redact(String text) {
        if (text == null || text.isEmpty()) return text;
        String t = text;
        for (String s : longestFirst) {
            if (t.contains(s)) t = t.replace(s, MASK);
        }
        t = replace(SECRET_PAIR, t, m -> m.group(2).equals(MASK) ? m.group() : m.group(1) + MASK);
        return replace(MOBILE, t, m -> Masks.mobile(m.group()));
    }

    private static String replace(Pattern p, String text, java.util.function.Function<Matcher, String> by) {
        Matcher m = p.matcher(text);
        if (!m.find()) return text;
        StringBuilder sb = new StringBuilder();
        do {
            m.appendReplacement(sb, Matcher.quoteReplacement(by.apply(m)));
        } while (m.find());
        m.appendTail(sb);
        return sb.toString();
    }
}
