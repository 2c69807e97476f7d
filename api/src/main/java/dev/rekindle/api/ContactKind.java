package dev.rekindle.api;

/** Which piece of a customer's contact data a channel delivers to. */
public enum ContactKind {
    MOBILE,
    EMAIL,
    WECHAT,
    /** A shop's customer group (e.g. a Taobao group): the recipient is the group, not one person. */
    GROUP
}
