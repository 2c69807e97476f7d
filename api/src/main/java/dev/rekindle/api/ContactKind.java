package dev.rekindle.api;

import java.util.regex.Pattern;

/**
 * Which piece of a customer's contact data a channel delivers to: an open set, named by a short id.
 * The host knows {@link #MOBILE}, {@link #EMAIL}, {@link #WECHAT} and {@link #GROUP}; a channel for another
 * address type (a LINE user id, a DingTalk user id…) names its own kind with {@link #of(String)}, e.g.
 * {@code ContactKind.of("line")}, and the shop imports those addresses in a {@code contact:line} column of
 * its customer file. No host change is needed for a new kind.
 * <p>
 * Kinds are equal when their ids are; compare them with {@code equals} (or {@code ==} against the
 * constants, which {@link #of} returns for the known ids). Before API 1.0.0 this was an enum: a plugin
 * built against it must be rebuilt (its source usually compiles unchanged).
 */
public final class ContactKind {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]*");

    /** A mobile number (SMS). */
    public static final ContactKind MOBILE = new ContactKind("mobile");
    /** An email address. */
    public static final ContactKind EMAIL = new ContactKind("email");
    /** A WeChat id or openid. */
    public static final ContactKind WECHAT = new ContactKind("wechat");
    /** A shop's customer group (e.g. a Taobao group): the recipient is the group, not one person. */
    public static final ContactKind GROUP = new ContactKind("group");

    private final String id;

    private ContactKind(String id) {
        this.id = id;
    }

    /**
     * The kind with this id: lower-case letters, digits and dashes, starting with a letter (e.g.
     * {@code line}, {@code dingtalk}, {@code wecom-user}). The known ids give the constants.
     *
     * @throws IllegalArgumentException when the id is not of that form
     */
    public static ContactKind of(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a contact kind is lower-case letters, digits and '-', starting with a letter "
                    + "(e.g. line, dingtalk), not '" + id + "'");
        }
        return switch (id) {
            case "mobile" -> MOBILE;
            case "email" -> EMAIL;
            case "wechat" -> WECHAT;
            case "group" -> GROUP;
            default -> new ContactKind(id);
        };
    }

    /** The kinds every host knows, in this order. */
    public static java.util.List<ContactKind> known() {
        return java.util.List.of(MOBILE, EMAIL, WECHAT, GROUP);
    }

    /** Whether this is one of the kinds every host knows ({@link #known()}). */
    public boolean isKnown() {
        return this == MOBILE || this == EMAIL || this == WECHAT || this == GROUP;
    }

    /**
     * What the enum's {@code valueOf} gave, for plugin source written against the enum: {@code "MOBILE"} →
     * {@link #MOBILE}, {@code "LINE"} → {@code of("line")}.
     *
     * @deprecated use {@link #of(String)} with the lower-case id
     */
    @Deprecated
    public static ContactKind valueOf(String name) {
        return of(name == null ? null : name.toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    }

    /**
     * What the enum's {@code name()} gave ({@code MOBILE}), for plugin source written against the enum.
     *
     * @deprecated use {@link #id()}
     */
    @Deprecated
    public String name() {
        return id.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    }

    /** The id, e.g. {@code mobile} or {@code line}. */
    public String id() {
        return id;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof ContactKind k && k.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    /** The id, as an operator reads it in {@code channels list}. */
    @Override
    public String toString() {
        return id;
    }
}
