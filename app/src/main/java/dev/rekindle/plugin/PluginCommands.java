package dev.rekindle.plugin;

import dev.rekindle.i18n.Tr;
import dev.rekindle.console.Groups;
import dev.rekindle.console.OutputFormat;
import dev.rekindle.console.Table;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.springframework.beans.factory.ObjectProvider;
import dev.rekindle.console.UsageException;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

@Component
class PluginCommands {

    private final ObjectProvider<RekindlePluginManager> manager;
    private final ObjectProvider<PluginExtensions> extensions;

    /** The manager is looked up on use: loading plugins is not needed by every one-shot command. */
    PluginCommands(ObjectProvider<RekindlePluginManager> manager, ObjectProvider<PluginExtensions> extensions) {
        this.manager = manager;
        this.extensions = extensions;
    }

    @Command(name = {"plugins", "list"}, group = Groups.PLUGINS,
            description = "Installed plugins: id, version, state, extensions, and errors of those that failed",
            help = """
                    plugins list
                    plugins list --format json""")
    String list(@Option(longName = "format", description = "table, json or csv", defaultValue = "table") String format) {
        OutputFormat out = OutputFormat.parse(format);
        RekindlePluginManager plugins = manager.getObject();
        PluginExtensions checked = extensions.getObject(); // tries every extension: FAILED and CONFLICT show up
        Path root = plugins.getPluginsRoot();
        Map<String, List<String>> conflicts = plugins.conflicts();
        Map<String, String> settingsErrors = checked.settingsErrors();
        Table t = new Table("id", "version", "state", "extensions", "file", "error").fit(Table.SCREEN);
        for (PluginWrapper p : plugins.getPlugins()) {
            String id = p.getPluginId();
            String state = p.getPluginState().toString();
            String error = p.getFailedException() == null ? "" : PluginErrors.describe(p.getFailedException());
            if (p.getPluginState() == PluginState.STARTED && conflicts.containsKey(id)) {
                state = "CONFLICT";
                error = String.join("; ", conflicts.get(id));
            } else if (p.getPluginState() == PluginState.DISABLED && error.isEmpty()) {
                error = "listed in disabled.txt";
            }
            if (p.getPluginState() == PluginState.STARTED && settingsErrors.containsKey(id)) {
                error = (error.isEmpty() ? "" : error + "; ") + "settings: " + settingsErrors.get(id);
            }
            t.row(id, p.getDescriptor().getVersion(), state, extensions(plugins, id), file(p.getPluginPath()), error);
        }
        for (RekindlePluginManager.Problem s : plugins.superseded()) {
            t.row(s.pluginId(), s.version(), s.state(), "", file(s.file()), s.reason());
        }
        for (Map.Entry<Path, Exception> f : plugins.loadFailures().entrySet()) {
            t.row("?", "", "NOT LOADED", "", file(f.getKey()), PluginErrors.describe(f.getValue()));
        }
        if (out != OutputFormat.TABLE) {
            return t.render(out);
        }
        String header = Tr.f("Plugins folder: %s", root) + (Files.isDirectory(root) ? "" : "  " + Tr.t("(missing: no plugins installed)"))
                + "\n" + Tr.t("Settings: rekindle.plugins.<id>.* — built-in channel: file") + "\n";
        return header + (t.size() == 0 ? Tr.t("No plugins found.") : t.render(out));
    }

    @Command(name = {"plugins", "new"}, group = Groups.PLUGINS,
            description = "Start a plugin project: a Maven project with a channel (a JSON webhook) or a strategy, and its tests",
            help = """
                    plugins new channel dingtalk
                    plugins new strategy quiet-vips --dir ~/src/quiet-vips""")
    String scaffold(@Argument(index = 0, description = "KIND: channel or strategy") String kind,
            @Argument(index = 1, description = "ID: the channel or strategy id, e.g. dingtalk") String id,
            @Option(longName = "dir", description = "where to write the project (default: ./channel-ID or ./strategy-ID)") String dir) {
        PluginScaffold.Kind k;
        try {
            k = PluginScaffold.Kind.valueOf(String.valueOf(kind).trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException(Tr.f("KIND must be channel or strategy, got '%s'", kind));
        }
        if (id == null || id.isBlank()) throw new UsageException(Tr.t("ID is required, e.g. plugins new channel dingtalk"));
        Path target = Path.of(dir == null || dir.isBlank() ? k.name().toLowerCase(java.util.Locale.ROOT) + "-" + id.trim() : dir)
                .toAbsolutePath().normalize();
        List<String> files;
        try {
            files = PluginScaffold.write(k, id.trim(), target);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return Tr.f("Wrote %s:", target) + "\n  " + String.join("\n  ", files) + "\n"
                + Tr.f("Next: cd %s && mvn package, then copy target/*.jar into %s and run plugins list.", target,
                        manager.getObject().getPluginsRoot());
    }

    private static String extensions(RekindlePluginManager plugins, String pluginId) {
        Set<String> names = plugins.getExtensionClassNames(pluginId);
        return names.stream().map(n -> n.substring(n.lastIndexOf('.') + 1)).sorted().collect(Collectors.joining(", "));
    }

    private static String file(Path p) {
        return p == null || p.getFileName() == null ? "" : p.getFileName().toString();
    }
}
