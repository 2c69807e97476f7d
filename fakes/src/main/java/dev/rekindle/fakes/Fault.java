package dev.rekindle.fakes;

import java.util.Locale;

/** What a fake does to one request instead of (or on top of) answering it normally. */
public enum Fault {
    /** Answer normally. */
    NONE,
    /** HTTP 500 before doing anything: the message was not taken (transient for the client). */
    HTTP_500,
    /** The provider's throttling answer (Aliyun {@code Throttling.User}, WeCom 45009): not taken. */
    THROTTLING,
    /** Aliyun {@code isv.BUSINESS_LIMIT_CONTROL}: this number has had enough for today; not taken. */
    BUSINESS_LIMIT,
    /** Holds the request without taking it until the client gives up: the client cannot tell. */
    TIMEOUT,
    /** Takes the message and answers, but only after a long pause (still within the client's patience). */
    SLOW,
    /** Takes the message, then drops the connection without an answer: the client cannot tell. */
    DROP_AFTER_RECEIPT;

    public static Fault parse(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** True when the fake records the message as received (it would reach the phone). */
    public boolean takesMessage() {
        return this == NONE || this == SLOW || this == DROP_AFTER_RECEIPT;
    }
}
