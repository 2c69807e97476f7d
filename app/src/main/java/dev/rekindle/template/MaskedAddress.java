package dev.rekindle.template;

import dev.rekindle.api.ContactKind;
import dev.rekindle.customer.Masks;
import java.nio.charset.StandardCharsets;

/** A recipient as it may appear on screen and in outbox files: masked by contact kind. */
public final class MaskedAddress {

    private MaskedAddress() {
    }

    /**
     * The usual 11-digit number with its middle four digits hidden, or null when {@code s} is not one. Built
     * in one pass without a regular expression or string concatenation: this runs once per message.
     */
    private static String plainMobile(String s) {
        if (s.length() != 11) return null;
        byte[] masked = new byte[11];
        for (int i = 0; i < 11; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return null;
            masked[i] = i >= 3 && i < 7 ? (byte) '*' : (byte) c;
        }
        return new String(masked, StandardCharsets.ISO_8859_1);
    }

    public static String of(ContactKind kind, String address) {
        if (address == null) return "";
        if (kind == ContactKind.MOBILE) {
            String plain = plainMobile(address);
            return plain != null ? plain : Masks.mobile(address);
        }
        return dev.rekindle.channel.Addresses.mask(kind, address); // email, WeChat, groups and any other kind
    }
}
