package dev.rekindle.channel;

import dev.rekindle.api.ContactKind;
import dev.rekindle.customer.Masks;
import dev.rekindle.i18n.Tr;
import dev.rekindle.console.UsageException;

/** Contact addresses by kind: how they are shown (masked) and what a well-formed one looks like. */
public final class Addresses {

    private Addresses() {
    }

    /**
     * As the operator may see it: 138****1234, zh***@qq.com, wxid_***xyz; group names as they are; an address
     * of any other kind (a plugin's, e.g. {@code line}) as Ua***9f: it may be as personal as a number.
     */
    public static String mask(ContactKind kind, String address) {
        if (address == null) return null;
        if (ContactKind.MOBILE.equals(kind)) return Masks.mobile(address);
        if (ContactKind.EMAIL.equals(kind)) return Masks.email(address);
        if (ContactKind.WECHAT.equals(kind)) return Masks.wechat(address);
        if (ContactKind.GROUP.equals(kind)) return address;
        return Masks.other(address);
    }

    /** The address typed by the operator, normalised; a usage error when it cannot be one of this kind. */
    public static String check(ContactKind kind, String address) {
        String t = address == null ? "" : address.trim();
        if (t.isEmpty()) throw new UsageException(Tr.t("--to needs an address"));
        if (ContactKind.MOBILE.equals(kind)) {
            String digits = t.replaceAll("[\\s-]", "");
            if (!digits.matches("(\\+?86|0086)?1[3-9]\\d{9}")) {
                throw new UsageException(Tr.f("--to must be a mainland mobile number like 13812345678, got '%s'", t));
            }
            return digits;
        }
        if (ContactKind.EMAIL.equals(kind)) {
            if (!t.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) throw new UsageException(Tr.f("--to must be an email address, got '%s'", t));
            return t;
        }
        return t;
    }
}
