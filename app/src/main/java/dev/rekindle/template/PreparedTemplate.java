package dev.rekindle.template;

import dev.rekindle.i18n.Tr;
import dev.rekindle.api.ContactKind;
import freemarker.core.Environment;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import java.io.IOException;
import java.io.Writer;
import java.io.UncheckedIOException;

/**
 * One channel's template, parsed and ready to render many times (one per recipient). Email templates
 * are one file with three macros — {@code subject}, {@code text}, {@code html} — rendered as plain text,
 * plain text and HTML (auto-escaped) respectively.
 */
public final class PreparedTemplate {

    private final String name;
    private final String channel;
    private final ContactKind kind;
    private final Template text;
    private final Template subject;
    private final Template html;
    private final String format;
    private final RenderGuard guard;
    private final TextBuffer buffer;

    PreparedTemplate(String name, String channel, ContactKind kind, Template text, Template subject, Template html,
            String format) {
        this(name, channel, kind, text, subject, html, format, RenderLimits.DEFAULTS);
    }

    PreparedTemplate(String name, String channel, ContactKind kind, Template text, Template subject, Template html,
            String format, RenderLimits limits) {
        this.guard = new RenderGuard(limits);
        this.buffer = new TextBuffer(limits.maxOutput(), guard);
        this.name = name;
        this.channel = channel;
        this.kind = kind;
        this.text = text;
        this.subject = subject;
        this.html = html;
        this.format = format;
    }

    /** The template file used, relative to the templates folder, e.g. {@code winback-silent/sms.ftl}. */
    public String name() {
        return name;
    }

    /** The channel whose template this is (may differ from the campaign's channel: e.g. {@code file} uses sms). */
    public String channel() {
        return channel;
    }

    public ContactKind kind() {
        return kind;
    }

    /** {@code text} or {@code markdown} (WeCom), from {@code <#ftl attributes={"format": "markdown"}>}. */
    public String format() {
        return format;
    }

    /** Not thread-safe (reuses one buffer): use one prepared template per thread. */
    public Rendered render(freemarker.template.TemplateHashModel model) {
        String s = subject == null ? null : run(subject, model);
        String t = run(text, model);
        String h = html == null ? null : run(html, model);
        return new Rendered(name, s, t, h);
    }

    private String run(Template template, freemarker.template.TemplateHashModel model) {
        buffer.text.setLength(0);
        guard.begin();
        try {
            Environment env = template.createProcessingEnvironment(model, buffer);
            env.setTemplateProcessingTracer(guard);
            env.process();
        } catch (RenderGuard.RenderLimitExceeded e) {
            throw limitHit(e);
        } catch (StackOverflowError e) {
            throw limitHit(guard.stackExhausted());

        } catch (TemplateException e) {
            // a limit hit inside a directive FreeMarker calls for us comes back wrapped
            for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
                if (t instanceof RenderGuard.RenderLimitExceeded hit) {
                    throw limitHit(hit);
                }
            }
            throw TemplateProblem.of(name, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SecurityException e) {
            throw new TemplateProblem(name, null, Tr.f("may only read files inside the templates folder (%s)", e.getMessage()));
        } catch (RuntimeException e) {
            if (e.getClass().getName().contains("ThreadInterrupted")) {
                // FreeMarker's loop check found this thread interrupted (the command is being cancelled)
                throw new TemplateProblem(name, null, Tr.t("rendering was interrupted"));
            }
            throw e;
        }
        return stripped(buffer.text);
    }

    private TemplateProblem limitHit(RenderGuard.RenderLimitExceeded e) {
        buffer.text.setLength(0);
        buffer.text.trimToSize(); // do not keep 64 KB per thread for the rest of a run
        return new TemplateProblem(e.template != null ? e.template : name, e.line, e.getMessage());
    }

    /**
     * The text without leading and trailing white space (the file's final newline), as {@link String#strip}
     * gives it, copied once: {@code toString().strip()} copies a million messages twice.
     */
    static String stripped(StringBuilder text) {
        int start = 0;
        int end = text.length();
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    /**
     * Where one message is rendered: a StringWriter without its lock (StringWriter appends to a
     * synchronized StringBuffer, a measurable cost a million times over; this buffer never leaves its thread).
     */
    private static final class TextBuffer extends Writer {
        private final StringBuilder text = new StringBuilder(512);
        private final int max;
        private final RenderGuard guard;

        TextBuffer(int max, RenderGuard guard) {
            this.max = max;
            this.guard = guard;
        }

        /** Checked before appending, so a runaway loop never holds more than the limit. */
        private void room(int len) {
            if (len > max - text.length()) {
                throw guard.outputExceeded();
            }
        }

        @Override
        public void write(char[] cbuf, int off, int len) {
            room(len);
            text.append(cbuf, off, len);
        }

        @Override
        public void write(String str, int off, int len) {
            room(len);
            if (off == 0 && len == str.length()) {
                text.append(str); // a block copy; the (CharSequence, start, end) form copies char by char
            } else {
                text.append(str, off, off + len);
            }
        }

        @Override
        public void write(String str) {
            room(str.length());
            text.append(str);
        }

        @Override
        public void write(int c) {
            room(1);
            text.append((char) c);
        }

        @Override
        public Writer append(CharSequence csq) {
            room(csq == null ? 4 : csq.length());
            text.append(csq);
            return this;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
