package dev.rekindle.delivery;

import dev.rekindle.customer.Masks;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Provider answers can quote the request back (Aliyun's SignatureDoesNotMatch shows the whole string it
 * signed, phone numbers included). Before a detail is stored, shown or logged, mainland mobile numbers
 * in it are masked — a second line of defence behind the channels' own care.
 */
final class Redaction {

    private static final Pattern MOBILE = Pattern.compile("(?<![0-9])(?:\\+?86|0086)?1[3-9][0-9]{9}(?![0-9])");

    private Redaction() {
    }

    static String of(String detail) {
        if (detail == null) return null;
        Matcher m = MOBILE.matcher(detail);
        StringBuilder sb = new StringBuilder();
        while (m.find()) m.appendReplacement(sb, Matcher.quoteReplacement(Masks.mobile(m.group())));
        m.appendTail(sb);
        return sb.toString();
    }
}
