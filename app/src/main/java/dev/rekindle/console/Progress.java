package dev.rekindle.console;

import dev.rekindle.i18n.Tr;
import java.io.PrintWriter;
import java.time.Duration;
import org.springframework.shell.core.command.CommandContext;

/**
 * A progress line for long work (imports, refreshes, renders): count, rate and ETA, redrawn in place
 * at most a few times a second. Only drawn in the interactive shell; one-shot and script runs stay
 * clean for logs. Usage:
 * <pre>
 * try (Progress p = Progress.start(ctx, "Importing orders", totalOrMinusOne)) {
 *     for (...) { ...; p.advance(1); }
 * }
 * </pre>
 */
public final class Progress implements AutoCloseable {

    private static final long REDRAW_NANOS = 200_000_000L;
    private static final long SHOW_AFTER_NANOS = 1_000_000_000L; // short work shows no bar at all

    private final PrintWriter out;
    private final String label;
    private final long total;
    private final boolean enabled;
    private final long started = System.nanoTime();
    private long done;
    private long lastDraw;
    private boolean drawn;

    private Progress(PrintWriter out, String label, long total, boolean enabled) {
        this.out = out;
        this.label = label;
        this.total = total;
        this.enabled = enabled;
    }

    /** @param total expected units of work, or -1 when unknown (then no ETA) */
    public static Progress start(CommandContext ctx, String label, long total) {
        return new Progress(ctx.outputWriter(), label, total, Interactive.isActive());
    }

    /** For code without a command context (tests, benchmarks): never draws. */
    public static Progress silent() {
        return new Progress(null, "", -1, false);
    }

    public void advance(long units) {
        done += units;
        if (Thread.currentThread().isInterrupted()) {
            // Ctrl-C in the shell (see Interrupts): the command stops here and its transaction rolls back
            throw new UserException(Tr.t("cancelled with Ctrl-C"));
        }
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (now - started >= SHOW_AFTER_NANOS && now - lastDraw >= REDRAW_NANOS) {
            lastDraw = now;
            draw(now);
        }
    }

    public long done() {
        return done;
    }

    private void draw(long now) {
        double seconds = (now - started) / 1e9;
        double rate = done / Math.max(seconds, 1e-9);
        StringBuilder sb = new StringBuilder("\r").append(label).append(": ");
        if (total > 0) {
            int width = 24;
            int filled = (int) Math.min(width, width * done / total);
            sb.append('[').append("█".repeat(filled)).append("·".repeat(width - filled)).append("] ");
            sb.append(String.format("%,d/%,d", done, total));
            if (rate > 0 && done < total) {
                sb.append("  ").append(Tr.t("ETA")).append(' ').append(format(Duration.ofSeconds((long) ((total - done) / rate))));
            }
        } else {
            sb.append(String.format("%,d", done));
        }
        sb.append(String.format("  %,.0f/s   ", rate));
        out.print(sb);
        out.flush();
        drawn = true;
    }

    private static String format(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, s / 60 % 60) : String.format("%d:%02d", s / 60, s % 60);
    }

    @Override
    public void close() {
        if (drawn) {
            out.print("\r\033[K"); // clear the bar; the command's result follows
            out.flush();
        }
    }
}
