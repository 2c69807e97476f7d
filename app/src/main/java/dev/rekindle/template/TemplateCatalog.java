package dev.rekindle.template;

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

/** The template files on disk: {@code <folder>/<channel>[_<locale>].ftl}. */
@Component
public class TemplateCatalog {

    private static final Pattern FILE = Pattern.compile("([a-z0-9-]+?)(?:_([A-Za-z]{2}(?:_[A-Za-z]{2})?))?\\.ftl");

    /** One file: {@code locale} is empty for the default (Chinese) version. */
    public record TemplateFile(String folder, String channel, String locale, Path path) {
        public String name() {
            return folder + "/" + channel + (locale.isEmpty() ? "" : "_" + locale) + ".ftl";
        }
    }

    private final TemplateSettings settings;

    public TemplateCatalog(TemplateSettings settings) {
        this.settings = settings;
    }

    public List<TemplateFile> list() {
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
        files.sort(Comparator.comparing(TemplateFile::folder).thenComparing(TemplateFile::channel)
                .thenComparing(TemplateFile::locale));
        return files;
    }

    public List<String> folders() {
        return list().stream().map(TemplateFile::folder).distinct().toList();
    }
}
