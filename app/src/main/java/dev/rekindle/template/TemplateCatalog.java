package dev.rekindle.template;

import dev.rekindle.plugin.PluginTemplates;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The template files: {@code <folder>/<channel>[_<locale>].ftl} in the shop's templates folder, and the
 * defaults plugins carry in their jars (listed unless the shop has a file of the same name, which wins).
 */
@Component
public class TemplateCatalog {

    private static final Pattern FILE = Pattern.compile("([a-z0-9-]+?)(?:_([A-Za-z]{2}(?:_[A-Za-z]{2})?))?\\.ftl");

    /**
     * One file: {@code locale} is empty for the default (Chinese) version; {@code plugin} is null for the
     * shop's folder, else the plugin whose jar carries it ({@code path} is then null).
     */
    public record TemplateFile(String folder, String channel, String locale, Path path, String plugin) {
        public TemplateFile(String folder, String channel, String locale, Path path) {
            this(folder, channel, locale, path, null);
        }

        public String name() {
            return folder + "/" + channel + (locale.isEmpty() ? "" : "_" + locale) + ".ftl";
        }
    }

    private final TemplateSettings settings;
    private final PluginTemplates jars;

    public TemplateCatalog(TemplateSettings settings) {
        this(settings, null);
    }

    @Autowired
    public TemplateCatalog(TemplateSettings settings, PluginTemplates jars) {
        this.settings = settings;
        this.jars = jars;
    }

    public List<TemplateFile> list() {
        List<TemplateFile> files = new ArrayList<>(shopFiles());
        if (jars != null) {
            java.util.Set<String> names = new java.util.HashSet<>();
            files.forEach(f -> names.add(f.name()));
            for (PluginTemplates.JarTemplate t : jars.list()) {
                int slash = t.name().indexOf('/');
                Matcher m = FILE.matcher(t.name().substring(slash + 1));
                if (slash > 0 && t.name().indexOf('/', slash + 1) < 0 && m.matches()) {
                    TemplateFile f = new TemplateFile(t.name().substring(0, slash), m.group(1), m.group(2) == null ? "" : m.group(2),
                            null, t.pluginId());
                    if (names.add(f.name())) files.add(f); // the shop's own file (or an earlier plugin's) wins
                }
            }
        }
        files.sort(Comparator.comparing(TemplateFile::folder).thenComparing(TemplateFile::channel)
                .thenComparing(TemplateFile::locale));
        return files;
    }

    private List<TemplateFile> shopFiles() {
        Path dir = settings.dir();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<TemplateFile> files = new ArrayList<>();
        try (Stream<Path> folders = Files.list(dir)) {
            for (Path folder : folders.filter(Files::isDirectory).toList()) {
                try (Stream<Path> inside = Files.list(folder)) {
                    for (Path f : inside.filter(Files::isRegularFile).toList()) {
                        Matcher m = FILE.matcher(f.getFileName().toString());
                        if (m.matches()) {
                            files.add(new TemplateFile(folder.getFileName().toString(), m.group(1),
                                    m.group(2) == null ? "" : m.group(2), f));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    public List<String> folders() {
        return list().stream().map(TemplateFile::folder).distinct().toList();
    }
}
