package dev.rekindle.template;

import dev.rekindle.i18n.Tr;
import dev.rekindle.console.UsageException;
import java.time.Duration;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.util.unit.DataSize;

/**
 * What rendering one message may cost. Templates are written by operators, so a typo such as a range to
 * 2147483647 or a macro that calls itself must stop with a clear message instead of hanging a cron batch
 * or exhausting the heap.
 *
 * @param timeout   CPU time of the rendering thread per message part ({@code rekindle.templates.render-timeout});
 *                  CPU time, not wall time, so that a garbage-collection pause or a busy machine never fails
 *                  a message that is fine
 * @param maxOutput characters one message part may have ({@code rekindle.templates.max-output}, 64KB = 65,536)
 * @param maxDepth  how deeply template elements may nest, which bounds recursive macros
 *                  ({@code rekindle.templates.max-depth}; every macro call nests about three elements)
 */
public record RenderLimits(Duration timeout, int maxOutput, int maxDepth) {

    public static final RenderLimits DEFAULTS = new RenderLimits(Duration.ofMillis(200), 64 * 1024, 200);

    static RenderLimits parse(String timeout, String maxOutput, int maxDepth) {
        Duration t;
        try {
            t = DurationStyle.detectAndParse(timeout.strip());
        } catch (RuntimeException e) {
            throw new UsageException(Tr.f("rekindle.templates.render-timeout must be a duration such as 200ms or 2s, got '%s'", timeout));
        }
        DataSize size;
        try {
            size = DataSize.parse(maxOutput.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (RuntimeException e) {
            throw new UsageException(Tr.f("rekindle.templates.max-output must be a size such as 64KB, got '%s'", maxOutput));
        }
        return of(t, size, maxDepth);
    }

    /** The limits from the typed settings; each must be positive (max-depth at least 10). */
    static RenderLimits of(Duration timeout, DataSize maxOutput, int maxDepth) {
        long size = maxOutput.toBytes();
        if (timeout.isNegative() || timeout.isZero() || size <= 0 || size > Integer.MAX_VALUE || maxDepth < 10) {
            throw new UsageException(Tr.f("rekindle.templates.render-timeout, max-output and max-depth must be positive "
                    + "(max-depth at least 10), got %s, %s, %d", timeout, maxOutput, maxDepth));
        }
        return new RenderLimits(timeout, (int) size, maxDepth);
    }

    /** "64 KB" / "200 ms" for messages. */
    String outputText() {
        return maxOutput % 1024 == 0 ? (maxOutput / 1024) + " KB" : maxOutput + " " + Tr.t("characters");
    }

    String timeoutText() {
        return timeout.toMillis() + " ms";
    }
}
