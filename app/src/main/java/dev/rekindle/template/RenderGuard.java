package dev.rekindle.template;

import dev.rekindle.i18n.Tr;
import freemarker.core.Environment;
import freemarker.core.TemplateProcessingTracer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Watches one render from inside FreeMarker (its {@link TemplateProcessingTracer} hook, called on every
 * template element): how deeply elements nest, and every 256 elements whether the render has used up
 * its time. Loops get an element per iteration even when their body is empty, because the engine adds
 * FreeMarker's interruption checks to every loop and macro when it loads a template.
 *
 * <p>Time is the rendering thread's CPU time, read only once a render has run past the limit in wall
 * time: a message that is fine never pays for it, and a pause elsewhere (GC, a busy machine) never fails
 * one. Both clocks start at the first check, after 256 elements: a typical message ends before it and
 * reads no clock at all (a clock read per message was 1 % of a dry run). Not thread-safe: one guard per
 * {@link PreparedTemplate}, like its buffer.
 */
final class RenderGuard implements TemplateProcessingTracer {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int CHECK_EVERY = 256;

    private final RenderLimits limits;
    private final long timeoutNanos;
    private int depth;
    private int count;
    private boolean clocksStarted;
    private long wallDeadline;
    private long cpuAtFirstCheck;
    private TracedElement last;

    RenderGuard(RenderLimits limits) {
        this.limits = limits;
        this.timeoutNanos = limits.timeout().toNanos();
    }

    void begin() {
        depth = 0;
        count = 0;
        last = null;
        clocksStarted = false; // both clocks are read at the first check
    }

    @Override
    public void enterElement(Environment env, TracedElement element) {
        last = element;
        if (++depth > limits.maxDepth()) {
            throw exceeded(Tr.f("recursion too deep: more than %d nested template elements (rekindle.templates.max-depth); "
                    + "does a macro or function call itself without end?", limits.maxDepth()));
        }
        if ((++count & (CHECK_EVERY - 1)) == 0) {
            checkTime();
        }
    }

    @Override
    public void exitElement(Environment env, TracedElement element) {
        depth--;
    }

    private void checkTime() {
        long now = System.nanoTime();
        if (!clocksStarted) {
            clocksStarted = true;
            // the first 255 elements (a few microseconds) are not counted: reading the clocks costs more than
            // a whole typical message, so only renders that get this far pay for it
            wallDeadline = now + timeoutNanos;
            cpuAtFirstCheck = cpuTime();
            return;
        }
        if (now < wallDeadline) {
            return;
        }
        long cpu = cpuAtFirstCheck < 0 ? -1 : cpuTime() - cpuAtFirstCheck;
        if (cpu < 0 || cpu >= timeoutNanos) {
            throw exceeded(Tr.f("rendering one message took more than %s (rekindle.templates.render-timeout); "
                    + "a loop over a huge range, or one that never ends?", limits.timeoutText()));
        }
        wallDeadline = now + (timeoutNanos - cpu); // paused or starved: the rest of the budget, from now
    }

    /**
     * The rendering thread's CPU time, or -1 on a JVM that cannot measure it (a platform without thread CPU
     * clocks, or measurement switched off: the MXBean then answers -1 itself): {@link #checkTime} then lets the
     * wall clock alone decide, which is stricter, never looser.
     */
    private static long cpuTime() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
    }

    /** Output over the limit, located at the element being rendered. */
    RenderLimitExceeded outputExceeded() {
        return exceeded(Tr.f("the message is longer than %s (rekindle.templates.max-output); a loop that prints too much?",
                limits.outputText()));
    }

    /** The Java stack ran out before the depth limit (a deep expression, or a thread with a small stack). */
    RenderLimitExceeded stackExhausted() {
        return exceeded(Tr.f("recursion too deep: the rendering ran out of stack (rekindle.templates.max-depth is %d); "
                + "does a macro or function call itself without end?", limits.maxDepth()));
    }

    private RenderLimitExceeded exceeded(String message) {
        TracedElement at = last;
        return new RenderLimitExceeded(at == null ? null : at.getTemplate().getSourceName(),
                at == null ? null : at.getBeginLine(), message);
    }

    /** A limit hit: where (template file, line) and which. */
    static final class RenderLimitExceeded extends RuntimeException {
        final String template;
        final Integer line;

        RenderLimitExceeded(String template, Integer line, String message) {
            super(message, null, false, false);
            this.template = template;
            this.line = line;
        }
    }
}
