package dev.rekindle.imports;

import dev.rekindle.imports.source.Row;
import dev.rekindle.imports.source.RowSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads and parses rows on a second thread while the command's thread writes to the database: on two
 * cores, decoding and parsing text then costs no wall time. Rows arrive in file order, in chunks; a bad
 * row arrives as its {@link BadCell}. At most a few chunks wait in memory.
 *
 * @param <T> what a row parses into
 */
final class Pipeline<T> implements AutoCloseable {

    /** Turns one row into a value, or throws {@link BadCell}. Called on the reading thread only. */
    @FunctionalInterface
    interface Parser<T> {
        T parse(Row row);
    }

    /** One row read: its value, why it is bad, or why it is skipped (exactly one is set). */
    record Item<T>(Row row, T value, BadCell bad, String skipped) {
    }

    /** Thrown by a parser for a row that is fine but not imported (e.g. a line without a customer id). */
    static final class Skip extends RuntimeException {
        Skip(String reason) {
            super(reason, null, false, false);
        }
    }

    private static final int CHUNK = 2048;
    private static final Object END = new Object();

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(8);
    private final Thread thread;
    private volatile boolean stopped;
    private boolean ended;

    Pipeline(RowSource source, Parser<T> parser) {
        this.thread = new Thread(() -> produce(source, parser), "rekindle-import-reader");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void produce(RowSource source, Parser<T> parser) {
        try {
            List<Item<T>> chunk = new ArrayList<>(CHUNK);
            Row row;
            while (!stopped && (row = source.next()) != null) {
                try {
                    chunk.add(new Item<>(row, parser.parse(row), null, null));
                } catch (BadCell bad) {
                    chunk.add(new Item<>(row, null, bad, null));
                } catch (Skip skip) {
                    chunk.add(new Item<>(row, null, null, skip.getMessage()));
                }
                if (chunk.size() == CHUNK) {
                    queue.put(chunk);
                    chunk = new ArrayList<>(CHUNK);
                }
            }
            if (!chunk.isEmpty()) queue.put(chunk);
            queue.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            try {
                queue.put(e);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The next chunk in file order, or null at the end; rethrows what stopped the reading thread. */
    @SuppressWarnings("unchecked")
    List<Item<T>> next() {
        if (ended) {
            return null;
        }
        Object o;
        try {
            o = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the file", e);
        }
        if (o == END) {
            ended = true;
            return null;
        }
        if (o instanceof RuntimeException e) {
            ended = true;
            throw e;
        }
        if (o instanceof Error e) {
            ended = true;
            throw e;
        }
        return (List<Item<T>>) o;
    }

    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
        queue.clear();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
