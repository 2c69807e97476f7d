package dev.rekindle.template;

import dev.rekindle.api.ContactKind;
import dev.rekindle.customer.Masks;

/** A recipient as it may appear on screen and in outbox files: masked by contact kind. */
public final class MaskedAddress {

    private MaskedAddress() {
    }

    /** The usual 11-digit number, masked without a regular expression (this runs once per message). */
    private static boolean plainMobile(String s) {
        if (s.length() != 11) return false;
        for (int i = 0; i < 11; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        }
        return true;
    }

    public static String of(ContactKind kind, String address) {
        if (address == null) return "";
        if (kind == ContactKind.MOBILE) {
            return plainMobile(address) ? address.substring(0, 3) + "****" + address.substring(7) : Masks.mobile(address);
        }
        return dev.rekindle.channel.Addresses.mask(kind, address); // email, WeChat, groups and any other kind
    }
}
