package dev.rekindle.plugin;

import dev.rekindle.i18n.Tr;
import dev.rekindle.shell.Groups;
import dev.rekindle.shell.OutputFormat;
import dev.rekindle.shell.Table;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.springframework.beans.factory.ObjectProvider;
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
        Table t = new Table("id", "version", "state", "extensions", "file", "error");
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

    private static String extensions(RekindlePluginManager plugins, String pluginId) {
        Set<String> names = plugins.getExtensionClassNames(pluginId);
        return names.stream().map(n -> n.substring(n.lastIndexOf('.') + 1)).sorted().collect(Collectors.joining(", "));
    }

    private static String file(Path p) {
        return p == null || p.getFileName() == null ? "" : p.getFileName().toString();
    }
}
