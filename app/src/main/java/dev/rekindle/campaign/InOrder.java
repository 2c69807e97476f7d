package dev.rekindle.campaign;

import dev.rekindle.i18n.Tr;
import dev.rekindle.console.UserException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * Chunk results waiting for their turn: handed to the consumer strictly in sequence, by whichever thread
 * completes the next one. Permits bound the chunks claimed but not yet handed over.
 */
final class InOrder<R> {
    private final Consumer<R> consumer;
    private final Semaphore permits;
    private final Map<Long, Done<R>> waiting = new HashMap<>();
    private long next;
    private long handled;
    private volatile Throwable failure;

    private record Done<R>(R result, long handled, RuntimeException failure) {
    }

    InOrder(Consumer<R> consumer, int permits) {
        this.consumer = consumer;
        this.permits = new Semaphore(permits);
    }

    /** Waits for room for one more chunk; false once the run has failed. */
    boolean acquire() {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(new UserException(Tr.t("interrupted"), e));
            return false;
        }
        if (failure != null) {
            permits.release();
            return false;
        }
        return true;
    }

    void release() {
        permits.release();
    }

    synchronized void done(long seq, R result, long count, RuntimeException chunkFailure) {
        waiting.put(seq, new Done<>(result, count, chunkFailure));
        Done<R> d;
        while (failure == null && (d = waiting.remove(next)) != null) {
            next++;
            try {
                consumer.accept(d.result());
            } catch (RuntimeException | Error e) {
                fail(e);
                return;
            }
            handled += d.handled();
            permits.release();
            if (d.failure() != null) {
                fail(d.failure());
            }
        }
    }

    void fail(Throwable e) {
        synchronized (this) {
            if (failure == null) {
                failure = e;
            }
        }
        permits.release(1 << 16); // wake every thread waiting for room: they stop
    }

    synchronized long result() {
        if (failure instanceof RuntimeException e) throw e;
        if (failure instanceof Error e) throw e;
        return handled;
    }
}
