package dev.rekindle.plugin;

import dev.rekindle.i18n.Tr;
import dev.rekindle.shell.Groups;
import dev.rekindle.shell.OutputFormat;
import dev.rekindle.shell.Table;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.pf4j.PluginWrapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

@Component
class PluginCommands {

    private final ObjectProvider<RekindlePluginManager> manager;

    /** The manager is looked up on use: loading plugins is not needed by every one-shot command. */
    PluginCommands(ObjectProvider<RekindlePluginManager> manager) {
        this.manager = manager;
    }

    @Command(name = {"plugins", "list"}, group = Groups.PLUGINS,
            description = "Installed plugins: id, version, state, extensions, and errors of those that failed",
            help = """
                    plugins list
                    plugins list --format json""")
    String list(@Option(longName = "format", description = "table, json or csv", defaultValue = "table") String format) {
        OutputFormat out = OutputFormat.parse(format);
        RekindlePluginManager plugins = manager.getObject();
        Path root = plugins.getPluginsRoot();
        Table t = new Table("id", "version", "state", "extensions", "file", "error");
        for (PluginWrapper p : plugins.getPlugins()) {
            t.row(p.getPluginId(), p.getDescriptor().getVersion(), p.getPluginState().toString(),
                    extensions(plugins, p.getPluginId()), p.getPluginPath().getFileName().toString(),
                    p.getFailedException() == null ? "" : rootMessage(p.getFailedException()));
        }
        for (Map.Entry<Path, Exception> f : plugins.loadFailures().entrySet()) {
            t.row("?", "", "NOT LOADED", "", f.getKey().getFileName().toString(), rootMessage(f.getValue()));
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

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
