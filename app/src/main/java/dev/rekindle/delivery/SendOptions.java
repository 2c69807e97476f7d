package dev.rekindle.delivery;

import java.util.function.LongConsumer;

/**
 * How one run goes.
 *
 * @param kind        {@code send} or {@code resume}
 * @param concurrency messages in flight at once; null = {@code rekindle.delivery.concurrency}
 * @param rate        a rate for every channel of this run (e.g. {@code 500/s}); null = per channel settings
 * @param progress    told the number of messages settled so far, a few times a second; may be null
 * @param ledger      false only for benchmarks: no guards, no ledger, no exactly-once (see {@code bench/send.sh})
 */
public record SendOptions(String kind, Integer concurrency, String rate, LongConsumer progress, boolean ledger) {

    public static SendOptions send() {
        return new SendOptions("send", null, null, null, true);
    }

    public static SendOptions resume() {
        return new SendOptions("resume", null, null, null, true);
    }

    public SendOptions withConcurrency(Integer n) {
        return new SendOptions(kind, n, rate, progress, ledger);
    }

    public SendOptions withRate(String r) {
        return new SendOptions(kind, concurrency, r, progress, ledger);
    }

    public SendOptions withProgress(LongConsumer p) {
        return new SendOptions(kind, concurrency, rate, p, ledger);
    }

    public SendOptions withoutLedger() {
        return new SendOptions(kind, concurrency, rate, progress, false);
    }
}
