package dev.rekindle.guard;

import dev.rekindle.api.ContactKind;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The channels every shop knows, by id, with the contact data they deliver to. A channel plugin with
 * another id (a second SMS gateway, the built-in {@code file} channel) uses the templates of the
 * standard channel of its contact kind, and its customers' consents are those of that channel.
 */
public final class StandardChannels {

    public static final String SMS = "sms";
    public static final String EMAIL = "email";
    public static final String WECHAT = "wechat";
    public static final String TAOBAO_GROUP = "taobao-group";

    private static final Map<String, ContactKind> KINDS = new LinkedHashMap<>();
    /** The same, from kind to channel: the guard asks once per message. */
    private static final Map<ContactKind, String> BY_KIND = new HashMap<>();

    static {
        KINDS.put(SMS, ContactKind.MOBILE);
        KINDS.put(EMAIL, ContactKind.EMAIL);
        KINDS.put(WECHAT, ContactKind.WECHAT);
        KINDS.put(TAOBAO_GROUP, ContactKind.GROUP);
        KINDS.forEach((channel, kind) -> BY_KIND.put(kind, channel));
    }

    private StandardChannels() {
    }

    public static Map<String, ContactKind> all() {
        return KINDS;
    }

    public static Optional<ContactKind> kindOf(String channel) {
        return Optional.ofNullable(KINDS.get(channel));
    }

    /**
     * The standard channel for a contact kind: its templates and consents stand for every channel of that
     * kind. Null for a kind only a plugin knows (e.g. {@code line}): its channels stand for themselves.
     */
    public static String standardFor(ContactKind kind) {
        return BY_KIND.get(kind);
    }
}
