package dev.rekindle.delivery;

import java.util.Locale;

/** Where one ledger row stands; see V5__delivery_ledger.sql. */
public enum DeliveryState {
    PENDING(false), DEFERRED(false), SENDING(false), SENT(true), FAILED(true), UNKNOWN(false), SKIPPED(true), CANCELLED(true);

    private final boolean done;

    DeliveryState(boolean done) {
        this.done = done;
    }

    /** Final: nothing more will happen to this row. Unknown is not final: it waits for reconcile. */
    public boolean isFinal() {
        return done;
    }

    public String db() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DeliveryState of(String db) {
        return valueOf(db.toUpperCase(Locale.ROOT));
    }
}
