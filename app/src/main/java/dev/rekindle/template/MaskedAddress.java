package dev.rekindle.template;

import dev.rekindle.api.ContactKind;
import dev.rekindle.customer.Masks;

/** A recipient as it may appear on screen and in outbox files: masked by contact kind. */
public final class MaskedAddress {

    private MaskedAddress() {
    }

    public static String of(ContactKind kind, String address) {
        if (address == null) return "";
        return switch (kind) {
            case MOBILE -> Masks.mobile(address);
            case EMAIL -> Masks.email(address);
            case WECHAT -> Masks.wechat(address);
            case GROUP -> address;
        };
    }
}
