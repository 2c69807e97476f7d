package dev.rekindle.imports;

import dev.rekindle.customer.ForgottenBuyers;
import dev.rekindle.i18n.Tr;
import dev.rekindle.console.Progress;
import dev.rekindle.console.UserException;
import dev.rekindle.shop.ShopProfile;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The frame every import runs in: timing, the summary, bad rows (refuse or reject file), the import log,
 * and the loop that hands parsed rows to a writer.
 */
final class ImportRun {

    private static final Logger logger = LoggerFactory.getLogger(ImportRun.class);

    /** Writes one parsed value; may touch the database. */
    @FunctionalInterface
    interface Sink<T> {
        void accept(T value) throws SQLException;
    }

    /** Writes what the sink still holds (the last batch); it may find more bad rows. */
    @FunctionalInterface
    interface Flush {
        void run() throws SQLException;
    }

    final ImportSummary summary;
    private final ImportOptions options;
    private final ShopProfile shop;
    private final ImportLog log;
    private final LongFunction<Progress> progress;
    private long startNanos;
    private LocalDateTime started;
    private ForgottenBuyers.Check forgotten = ForgottenBuyers.NOBODY;

    /** @param progress opens the progress bar once the number of rows is estimated */
    ImportRun(String kind, ImportOptions options, ShopProfile shop, ImportLog log, LongFunction<Progress> progress) {
        this.summary = new ImportSummary(kind, options.file());
        this.options = options;
        this.shop = shop;
        this.log = log;
        this.progress = progress;
    }

    ImportOptions options() {
        return options;
    }

    Path file() {
        return options.file();
    }

    /** The buyers erased on request: their rows are skipped and counted, so the person does not come back. */
    void forgetting(ForgottenBuyers.Check check) {
        this.forgotten = check;
    }

    /** {@code sink} for everyone except forgotten buyers (a no-op wrapper when nobody was forgotten). */
    <T> Sink<T> unlessForgotten(java.util.function.Function<T, String> buyer, Sink<T> sink) {
        if (!forgotten.anyone()) {
            return sink;
        }
        String reason = Tr.t("customer erased on request (customers forget)");
        return value -> {
            if (forgotten.forgotten(buyer.apply(value))) {
                summary.skip(reason);
            } else {
                sink.accept(value);
            }
        };
    }

    /**
     * {@code sink}, noting the rows dated after the import started (a typo such as 2099, a wrong clock at the
     * source): they are kept as dated, and the summary gives their count and the first one's line so the
     * operator can check the file.
     */
    <T> Sink<T> flaggingFutureDates(java.util.function.Function<T, String> time, java.util.function.ToLongFunction<T> line,
            Sink<T> sink) {
        String now = shop.now().toString().replace('T', ' ');
        String what = Tr.t("dated in the future (after the import started), kept as dated: check the file");
        String file = options.file().getFileName().toString();
        return value -> {
            String t = time.apply(value);
            if (t != null && t.compareTo(now) > 0) {
                summary.flag(what, Tr.f("%s line %d: %s", file, line.applyAsLong(value), t));
            }
            sink.accept(value);
        };
    }

    /** Runs the import; a refusal is logged (after the rollback) and passed on. */
    ImportSummary execute(Runnable body) {
        startNanos = System.nanoTime();
        started = shop.now();
        logger.info("{} import of {} started", summary.kind, options.file().toAbsolutePath());
        try {
            body.run();
        } catch (UserException e) {
            summary.took = elapsed();
            logger.info("{} import of {} refused: {}", summary.kind, options.file().toAbsolutePath(), dev.rekindle.console.Visible.text(e.getMessage()));
            try {
                log.record(summary, started, shop.now(), "rejected", e.getMessage());
            } catch (RuntimeException logFailure) {
                logger.warn("could not record the refused import", logFailure);
            }
            throw e;
        }
        summary.took = elapsed();
        logger.info("{} import of {} done: {} rows, {} added, {} updated, {} unchanged, {} rejected in {} ms",
                summary.kind, options.file().toAbsolutePath(), summary.rowsRead, summary.added, summary.updated,
                summary.unchanged, summary.rejected, summary.took.toMillis());
        return summary;
    }

    /** Gives {@code work} the bad-row policy; the reject file is put in place only after it succeeded. */
    void withBadRows(List<String> header, Consumer<BadRows> work) {
        try (BadRows bad = new BadRows(options.file(), header, options.skipBad())) {
            work.accept(bad);
            bad.finish();
        }
    }

    /**
     * Feeds parsed rows to {@code sink} in file order. Bad rows go to {@code bad}; once the import is going to
     * be refused nothing more is written, but reading goes on (to count the bad rows) up to a limit.
     */
    <T> void consume(Pipeline<T> rows, BadRows bad, long estimatedRows, Sink<T> sink, Flush flush) throws SQLException {
        boolean toEnd;
        try (Progress bar = progress.apply(estimatedRows)) {
            toEnd = feed(rows, bad, bar, sink);
        }
        if (!bad.refusing()) {
            flush.run();
        }
        if (bad.refusing()) {
            throw bad.refusal(Tr.t("rows"), toEnd);
        }
        summary.rejected = bad.count();
        summary.rejectFile = bad.count() > 0 ? bad.target() : null;
    }

    /** @return false when reading stopped early because there were too many bad rows */
    private <T> boolean feed(Pipeline<T> rows, BadRows bad, Progress progress, Sink<T> sink) throws SQLException {
        List<Pipeline.Item<T>> chunk;
        while ((chunk = rows.next()) != null) {
            for (Pipeline.Item<T> item : chunk) {
                summary.rowsRead++;
                if (item.bad() != null) {
                    bad.add(item.bad(), item.row().fields());
                    if (bad.givingUp()) {
                        return false;
                    }
                } else if (item.skipped() != null) {
                    summary.skip(item.skipped());
                } else if (!bad.refusing()) {
                    sink.accept(item.value());
                }
            }
            progress.advance(chunk.size());
        }
        return true;
    }

    /** Writes the log row inside the import's transaction, so it exists exactly when the data does. */
    void recordInTransaction() {
        summary.took = elapsed();
        log.record(summary, started, shop.now(), "imported", summary.render());
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
