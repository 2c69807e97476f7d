package dev.rekindle.strategy;

import dev.rekindle.api.Strategy;
import dev.rekindle.plugin.PluginExtensions;
import dev.rekindle.plugin.RekindlePluginManager;
import dev.rekindle.i18n.Tr;
import dev.rekindle.console.UserException;
import java.util.stream.Collectors;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * Every strategy of the started plugins, by id, configured from {@code rekindle.plugins.<plugin-id>.*}.
 * The checks are {@link PluginExtensions}'s: a broken plugin is FAILED, and a strategy id claimed by two
 * plugins is used by neither (both are listed as conflicting).
 */
@Component
public class StrategyRegistry {

    private final Map<String, RegisteredStrategy> strategies = new TreeMap<>();
    private final PluginExtensions extensions;
    private final RekindlePluginManager plugins;

    public StrategyRegistry(PluginExtensions extensions, RekindlePluginManager plugins) {
        this.extensions = extensions;
        this.plugins = plugins;
        for (PluginExtensions.Found<Strategy> f : extensions.strategies()) {
            strategies.put(f.id(), new RegisteredStrategy(f.extension(), f.pluginId(), f.pluginVersion()));
        }
    }

    /** The usable strategies: those of a plugin that failed since start-up are left out. */
    public List<RegisteredStrategy> all() {
        java.util.Set<String> usable = plugins.usableIds();
        return strategies.values().stream().filter(s -> usable.contains(s.pluginId())).toList();
    }

    public Optional<RegisteredStrategy> find(String id) {
        return all().stream().filter(s -> s.id().equals(id == null ? "" : id.trim())).findFirst();
    }

    /** The strategy, or an error listing the ones there are. */
    public RegisteredStrategy require(String id) {
        return find(id).orElseThrow(() -> {
            List<RegisteredStrategy> all = all();
            String failed = errors().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                    .collect(Collectors.joining("; "));
            if (!all.isEmpty()) {
                return new UserException(Tr.f("no strategy '%s'. Strategies: %s", id,
                        String.join(", ", all.stream().map(RegisteredStrategy::id).toList()))
                        + (failed.isEmpty() ? "" : Tr.f(". Failed: %s", failed)));
            }
            // only say the plugin is missing when nothing else explains it
            return new UserException(failed.isEmpty()
                    ? Tr.t("no strategies installed: the strategies plugin is missing from the plugins folder (see plugins list)")
                    : Tr.f("no strategies available: %s (see plugins list)", failed));
        });
    }

    /**
     * Plugins with a problem that may explain a missing strategy, with the reason: FAILED, conflicting,
     * or with a strategy that rejected its settings.
     */
    public Map<String, String> errors() {
        Map<String, String> errors = new LinkedHashMap<>();
        for (RekindlePluginManager.Problem p : plugins.problems()) {
            if (!p.pluginId().equals("?") && !p.state().equals("SUPERSEDED")) {
                errors.merge(p.pluginId(), p.state() + ": " + p.reason(), (a, b) -> a + "; " + b);
            }
        }
        extensions.settingsErrors().forEach((plugin, e) -> {
            if (e.contains("strategy ")) errors.merge(plugin, e, (a, b) -> a + "; " + b);
        });
        return errors;
    }
}
