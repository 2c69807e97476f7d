package dev.rekindle.delivery;

import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * How one run goes.
 *
 * @param kind        {@code send} or {@code resume}
 * @param concurrency messages in flight at once; null = {@code rekindle.delivery.concurrency}
 * @param rate        a rate for every channel of this run (e.g. {@code 500/s}); null = per channel settings
 * @param progress    told the number of messages settled so far, a few times a second; may be null
 * @param ledger      false only for benchmarks: no guards, no ledger, no exactly-once (see {@code bench/send.sh})
 * @param cancelled   asked every heartbeat: true stops the run the way Ctrl-C does (e.g. the campaign was
 *                    cancelled from another shell); may be null
 */
public record SendOptions(String kind, Integer concurrency, String rate, LongConsumer progress, boolean ledger,
        BooleanSupplier cancelled) {

    public static SendOptions send() {
        return new SendOptions("send", null, null, null, true, null);
    }

    public static SendOptions resume() {
        return new SendOptions("resume", null, null, null, true, null);
    }

    public SendOptions withConcurrency(Integer n) {
        return new SendOptions(kind, n, rate, progress, ledger, cancelled);
    }

    public SendOptions withRate(String r) {
        return new SendOptions(kind, concurrency, r, progress, ledger, cancelled);
    }

    public SendOptions withProgress(LongConsumer p) {
        return new SendOptions(kind, concurrency, rate, p, ledger, cancelled);
    }

    public SendOptions withoutLedger() {
        return new SendOptions(kind, concurrency, rate, progress, false, cancelled);
    }

    public SendOptions cancelledWhen(BooleanSupplier c) {
        return new SendOptions(kind, concurrency, rate, progress, ledger, c);
    }
}
