package dev.rekindle.template;

import dev.rekindle.i18n.Tr;
import dev.rekindle.api.ContactKind;
import dev.rekindle.guard.StandardChannels;
import dev.rekindle.plugin.PluginTemplates;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.OutputFormat;
import freemarker.core.ParseException;
import freemarker.core.PlainTextOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * FreeMarker, configured as a sandbox: templates are written by operators, not developers, so they can
 * read the data model and nothing else — no {@code ?new} (class instantiation), no {@code ?api}, no file
 * outside the templates folder (the loader checks canonical paths, so symlinks cannot escape), errors
 * rethrown (a missing variable stops the message: never "亲爱的 ,").
 */
@Component
public class TemplateEngine {

    private final TemplateSettings settings;
    private final TemplateLoader pluginTemplates;
    private final Configuration plain;
    private final Configuration html;
    private final java.util.Set<Template> checked = java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>());

    public TemplateEngine(TemplateSettings settings) {
        this(settings, null);
    }

    /** @param pluginTemplates templates shipped in plugin jars, asked after the shop's folder (null: none) */
    @Autowired
    public TemplateEngine(TemplateSettings settings, PluginTemplates pluginTemplates) {
        this.settings = settings;
        this.pluginTemplates = pluginTemplates;
        this.plain = configuration(PlainTextOutputFormat.INSTANCE);
        this.html = configuration(HTMLOutputFormat.INSTANCE);
    }

    private Configuration configuration(OutputFormat format) {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        try {
            TemplateLoader shop = Files.isDirectory(settings.dir()) ? new FileTemplateLoader(settings.dir().toFile()) : null;
            if (shop != null && pluginTemplates != null) {
                // the shop's file wins over a plugin's default of the same name
                cfg.setTemplateLoader(new MultiTemplateLoader(new TemplateLoader[]{shop, pluginTemplates}));
            } else {
                cfg.setTemplateLoader(shop != null ? shop : pluginTemplates);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        cfg.setDefaultEncoding("UTF-8");
        // an operator edits a template and validates at once: always check the file (templates are
        // prepared once per command, so this costs nothing per message)
        cfg.setTemplateUpdateDelayMilliseconds(0);
        cfg.setLocale(settings.locale());
        cfg.setLocalizedLookup(true);
        cfg.setOutputFormat(format);
        cfg.setRecognizeStandardFileExtensions(false);
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setAPIBuiltinEnabled(false);
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setNumberFormat("0.##");
        cfg.setBooleanFormat("c");
        return cfg;
    }

    public TemplateSettings settings() {
        return settings;
    }

    /**
     * The template file for a channel: {@code <folder>/<channel>.ftl}, or for a channel without its own
     * file, the standard channel of its contact kind (the {@code file} channel uses {@code sms.ftl}).
     */
    public Optional<String> fileFor(String folder, String channel, ContactKind kind) {
        for (String c : new String[]{channel, StandardChannels.standardFor(kind)}) {
            if (c != null && exists(folder + "/" + c + ".ftl")) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private boolean exists(String name) {
        try {
            return plain.getTemplateLoader() != null
                    && plain.getTemplate(name, settings.locale(), null, false, true) != null;
        } catch (IOException e) {
            return false;
        }
    }

    /** Parses a channel's template once for many renders. */
    public PreparedTemplate prepare(String folder, String channel, ContactKind kind) {
        return prepare(folder, channel, kind, settings.locale());
    }

    /** The same for another locale: {@code en} picks {@code sms_en.ftl} when it exists. */
    public PreparedTemplate prepare(String folder, String channel, ContactKind kind, java.util.Locale locale) {
        String fileChannel = fileFor(folder, channel, kind).orElseThrow(() -> new TemplateProblem(folder + "/" + channel + ".ftl",
                null, Tr.f("missing: create it (see the other templates in templates/%s/ and docs/operator/campaigns.md)", folder)));
        return prepare(plain, html, folder + "/" + fileChannel + ".ftl", fileChannel, kind, locale);
    }

    /** A template file as it is now: the file it resolves to (locale variant included) and its text. */
    public record Source(String name, String fileChannel, String text) {

        /** A short content hash, shown to the operator: what was approved is what goes out. */
        public String sha256() {
            try {
                byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                return java.util.HexFormat.of().formatHex(d);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The current source of a channel's template, or empty when there is none. */
    public Optional<Source> source(String folder, String channel, ContactKind kind) {
        return fileFor(folder, channel, kind).map(fileChannel -> {
            String name = load(plain, folder + "/" + fileChannel + ".ftl", settings.locale()).getSourceName();
            try {
                return new Source(name, fileChannel, text(name));
            } catch (IOException e) {
                throw new TemplateProblem(name, null, Tr.f("cannot be read: %s", e.getMessage()));
            }
        });
    }

    /** The template's text from where it was found: the shop's folder, or else a plugin jar's default (found by the plugin kit). */
    private String text(String name) throws IOException {
        java.nio.file.Path file = settings.dir().resolve(name);
        if (Files.isRegularFile(file)) return Files.readString(file);
        freemarker.cache.TemplateLoader loader = plain.getTemplateLoader();
        Object source = loader.findTemplateSource(name);
        if (source == null) throw new IOException(file.toString());
        try (java.io.Reader in = loader.getReader(source, java.nio.charset.StandardCharsets.UTF_8.name())) {
            java.io.StringWriter out = new java.io.StringWriter();
            in.transferTo(out);
            return out.toString();
        } finally {
            loader.closeTemplateSource(source);
        }
    }

    /**
     * A template from text kept with a campaign (what the operator approved), not from today's file: the
     * file may have been edited since. Includes and imports it makes still read the templates folder.
     */
    public PreparedTemplate preparePinned(Source pinned, ContactKind kind) {
        Configuration p = pinnedConfiguration(PlainTextOutputFormat.INSTANCE, pinned);
        Configuration h = pinnedConfiguration(HTMLOutputFormat.INSTANCE, pinned);
        return prepare(p, h, pinned.name(), pinned.fileChannel(), kind, settings.locale());
    }

    private Configuration pinnedConfiguration(OutputFormat format, Source pinned) {
        Configuration cfg = configuration(format);
        freemarker.cache.StringTemplateLoader text = new freemarker.cache.StringTemplateLoader();
        text.putTemplate(pinned.name(), pinned.text());
        cfg.setTemplateLoader(cfg.getTemplateLoader() == null ? text
                : new freemarker.cache.MultiTemplateLoader(new freemarker.cache.TemplateLoader[]{text, cfg.getTemplateLoader()}));
        cfg.setLocalizedLookup(false); // the pinned name is already the locale variant that was chosen
        return cfg;
    }

    private PreparedTemplate prepare(Configuration plain, Configuration html, String name, String fileChannel, ContactKind kind,
            java.util.Locale locale) {
        Template main = load(plain, name, locale);
        if (kind != ContactKind.EMAIL) {
            Object format = main.getCustomAttribute("format");
            return new PreparedTemplate(main.getSourceName(), fileChannel, kind, main, null, null,
                    format == null ? "text" : format.toString(), settings.limits());
        }
        for (String part : new String[]{"subject", "text", "html"}) {
            if (!main.getMacros().containsKey(part)) {
                throw new TemplateProblem(main.getSourceName(), null, Tr.f("an email template defines three parts: "
                        + "<#macro subject>…</#macro>, <#macro text>…</#macro> and <#macro html>…</#macro>; '%s' is missing", part));
            }
        }
        return new PreparedTemplate(main.getSourceName(), fileChannel, kind, part(plain, main.getSourceName(), "text", locale),
                part(plain, main.getSourceName(), "subject", locale), part(html, main.getSourceName(), "html", locale), "email",
                settings.limits());
    }

    private Template load(Configuration cfg, String name, java.util.Locale locale) {
        try {
            return withLoopChecks(cfg.getTemplate(name, locale));
        } catch (ParseException e) {
            throw TemplateProblem.of(name, e);
        } catch (IOException e) {
            throw new TemplateProblem(name, null, Tr.f("cannot be read: %s", e.getMessage()));
        } catch (SecurityException e) {
            throw new TemplateProblem(name, null, Tr.f("may only read files inside the templates folder (%s)", e.getMessage()));
        }
    }

    /**
     * Adds FreeMarker's interruption-check element to the start of every loop and macro body, once per
     * parsed template (the cache hands out the same object until the file changes). The check itself is
     * inert (nothing interrupts renders); what matters is that an iteration of even an empty loop now
     * enters an element, so {@link RenderGuard} sees it and can stop {@code <#list 1..2147483647 as i></#list>}.
     * Files a template includes are not loaded here and keep empty loops unchecked; loops with a body are
     * seen there too.
     */
    private Template withLoopChecks(Template t) {
        synchronized (checked) {
            if (checked.add(t)) {
                freemarker.core._CoreAPI.addThreadInterruptedChecks(t);
            }
        }
        return t;
    }

    /** A one-line template that calls one macro of the email template, in the given output format. */
    private Template part(Configuration cfg, String name, String macro, java.util.Locale locale) {
        load(cfg, name, locale); // parse errors surface with the real file name
        try {
            Template t = new Template(name + "#" + macro, "<#import \"/" + name + "\" as t><@t." + macro + "/>", cfg);
            withLoopChecks(t);
            t.setLocale(locale);
            return t;
        } catch (IOException e) {
            throw new TemplateProblem(name, null, e.getMessage());
        }
    }
}
