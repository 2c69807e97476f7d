package dev.rekindle.strategy;

import dev.rekindle.console.TextWidth;
import dev.rekindle.i18n.Tr;
import dev.rekindle.api.PlanContext;
import dev.rekindle.api.Strategy;
import dev.rekindle.guard.StandardChannels;
import dev.rekindle.plugin.PluginSettings;
import dev.rekindle.console.Groups;
import dev.rekindle.console.OutputFormat;
import dev.rekindle.console.Table;
import dev.rekindle.plugin.PluginTemplates;
import dev.rekindle.shop.ShopProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

@Component
class StrategyCommands {

    private final ObjectProvider<StrategyRegistry> registry;
    private final PlanningSnapshots snapshots;
    private final ShopProfile shop;
    private final Path templates;
    private final PluginSettings pluginSettings;

    private final DataNeeds dataNeeds;
    private final PluginTemplates jarTemplates;

    StrategyCommands(ObjectProvider<StrategyRegistry> registry, PlanningSnapshots snapshots, ShopProfile shop,
            StrategyTemplatesFolder templates, DataNeeds dataNeeds, PluginSettings pluginSettings,
            PluginTemplates jarTemplates) {
        this.jarTemplates = jarTemplates;
        this.dataNeeds = dataNeeds;
        this.pluginSettings = pluginSettings;
        this.registry = registry;
        this.snapshots = snapshots;
        this.shop = shop;
        this.templates = templates.dir();
    }

    @Command(name = {"strategies", "list"}, group = Groups.TEMPLATES,
            description = "Strategies from the plugins: id, purpose, who they target",
            help = """
                    strategies list
                    strategies list --format json""")
    String list(@Option(longName = "format", description = "table, json or csv", defaultValue = "table") String format) {
        OutputFormat out = OutputFormat.parse(format);
        StrategyRegistry r = registry.getObject();
        Table t = new Table("id", "purpose", "title", "channels", "plugin").fit(Table.SCREEN);
        for (RegisteredStrategy s : r.all()) {
            t.row(s.id(), s.strategy().purpose().name(), s.strategy().title(), String.join(",", s.strategy().channels()),
                    s.pluginId());
        }
        if (out != OutputFormat.TABLE) {
            return t.render(out);
        }
        String errors = r.errors().isEmpty() ? "" : "\n" + Tr.f("Failed: %s", r.errors());
        return (t.size() == 0 ? Tr.t("No strategies installed (the strategies plugin is not in the plugins folder; see plugins list).")
                : t.render(out) + "\n\n" + Tr.t("Details: strategies show ID · plan one: campaigns plan ID")) + errors;
    }

    @Command(name = {"strategies", "show"}, group = Groups.TEMPLATES,
            description = "One strategy: who it targets, channels, offers, settings and templates",
            help = """
                    strategies show winback-silent
                    strategies show holiday-greeting""")
    String show(@Argument(index = 0, description = "ID: strategy id, e.g. winback-silent") String id) {
        RegisteredStrategy rs = registry.getObject().require(id);
        Strategy s = rs.strategy();
        LocalDate asOf = snapshots.current().map(Snapshot::asOf).orElse(shop.today());
        StringBuilder sb = new StringBuilder();
        sb.append(s.id()).append(" — ").append(s.title()).append('\n');
        line(sb, Tr.t("purpose"), s.purpose().name() + (s.purpose().name().equals("CARE")
                ? Tr.t(" (care: no marketing consent needed; opt-outs still honoured)")
                : Tr.t(" (marketing: needs consent per channel; SMS carry the opt-out wording)")));
        line(sb, Tr.t("targets"), s.targets());
        s.occasion(new PlanContext(asOf)).ifPresent(o -> line(sb, Tr.f("as of %s", asOf), o.summary()));
        line(sb, Tr.t("channels"), String.join(" → ", s.channels()) + Tr.t(" (first one the customer can be reached on)"));
        line(sb, Tr.t("plugin"), rs.pluginId() + " " + rs.pluginVersion());
        line(sb, Tr.t("templates"), templateFiles(s));
        Map<String, String> settings = s.settings();
        if (!settings.isEmpty()) {
            sb.append(Tr.f("settings (%s%s.…)", PluginSettings.PREFIX, rs.pluginId())).append('\n');
            settings.forEach((k, v) -> sb.append(String.format("  %-40s %s%n", k, v)));
        }
        List<PluginSettings.Bound> declared = pluginSettings.bind(rs.pluginId(), s.declaredSettings());
        if (!declared.isEmpty()) {
            sb.append(Tr.f("Settings (rekindle.plugins.%s.<name>, or the environment variable shown):", rs.pluginId())).append('\n');
            for (PluginSettings.Bound b : declared) {
                sb.append(String.format("  %-30s %-20s %s%s%n", b.setting().name(), b.shown(),
                        PluginSettings.envName(rs.pluginId(), b.setting().name()),
                        b.setting().description().isEmpty() ? "" : "  " + b.setting().description()));
            }
        }
        List<String> missing = dataNeeds.missing(s);
        if (!missing.isEmpty()) {
            sb.append(Tr.t("missing data (it will find nobody until then):")).append('\n');
            missing.forEach(m -> sb.append("  - ").append(m).append('\n'));
        }
        sb.append(Tr.f("Plan it: campaigns plan %s [--segment S] [--channel C] [--holdout PCT]", s.id()));
        return sb.toString();
    }

    /**
     * The strategy's template per channel and where it comes from: the shop's templates folder (✓), a
     * default inside a plugin jar (✓ plugin X), both (the shop's file wins), or missing. The standard
     * channels, the strategy's own and any a plugin ships a template for.
     */
    private String templateFiles(Strategy s) {
        String folder = s.template();
        java.util.Set<String> channels = new java.util.LinkedHashSet<>(StandardChannels.all().keySet());
        channels.addAll(s.channels());
        Map<String, String> inJars = new java.util.LinkedHashMap<>();
        for (PluginTemplates.JarTemplate t : jarTemplates.list()) {
            if (t.name().startsWith(folder + "/") && t.name().endsWith(".ftl") && t.name().indexOf('/', folder.length() + 1) < 0) {
                String channel = t.name().substring(folder.length() + 1, t.name().length() - ".ftl".length());
                if (!channel.contains("_")) { // locale variants are listed by templates list
                    inJars.putIfAbsent(channel, t.pluginId());
                    channels.add(channel);
                }
            }
        }
        StringBuilder files = new StringBuilder();
        for (String channel : channels) {
            boolean shop = Files.isRegularFile(templates.resolve(folder).resolve(channel + ".ftl"));
            String plugin = inJars.get(channel);
            files.append(channel);
            if (shop && plugin != null) files.append(" ✓").append(Tr.f(" (templates folder, over plugin %s's)", plugin));
            else if (shop) files.append(" ✓");
            else if (plugin != null) files.append(" ✓").append(Tr.f(" (plugin %s's jar)", plugin));
            else files.append(Tr.t(" (missing)"));
            files.append("  ");
        }
        return "templates/" + folder + "/: " + files.toString().strip();
    }

    private static void line(StringBuilder sb, String label, String value) {
        sb.append("  ").append(TextWidth.pad(label, 10)).append(' ').append(value).append('\n');
    }
}
