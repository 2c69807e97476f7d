package dev.rekindle.strategy;

import dev.rekindle.api.Strategy;
import dev.rekindle.plugin.PluginSettings;
import dev.rekindle.plugin.RekindlePluginManager;
import dev.rekindle.i18n.Tr;
import dev.rekindle.shell.UserException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every strategy of the started plugins, by id, configured from {@code rekindle.plugins.<plugin-id>.*}.
 * A second strategy with an id already taken is ignored (and logged) rather than silently replacing it.
 */
@Component
public class StrategyRegistry {

    private static final Logger log = LoggerFactory.getLogger(StrategyRegistry.class);

    private final Map<String, RegisteredStrategy> strategies = new TreeMap<>();
    private final Map<String, String> errors = new LinkedHashMap<>();

    public StrategyRegistry(RekindlePluginManager plugins, PluginSettings settings) {
        for (PluginWrapper p : plugins.getStartedPlugins()) {
            try {
                for (Strategy s : plugins.getExtensions(Strategy.class, p.getPluginId())) {
                    add(new RegisteredStrategy(s, p.getPluginId(), p.getDescriptor().getVersion()), settings.forPlugin(p.getPluginId()));
                }
            } catch (RuntimeException | LinkageError e) {
                log.error("Strategies of plugin {} could not be created", p.getPluginId(), e);
                errors.put(p.getPluginId(), String.valueOf(e.getMessage()));
            }
        }
    }

    private void add(RegisteredStrategy rs, Map<String, String> settings) {
        if (strategies.containsKey(rs.id())) {
            log.warn("Strategy id '{}' of {} is already taken by {}; ignored", rs.id(), rs.pluginId(),
                    strategies.get(rs.id()).pluginId());
            return;
        }
        try {
            rs.strategy().configure(settings);
            strategies.put(rs.id(), rs);
        } catch (RuntimeException e) {
            log.error("Strategy {} of {} rejected its settings", rs.id(), rs.pluginId(), e);
            errors.put(rs.pluginId(), "strategy " + rs.id() + ": " + e.getMessage());
        }
    }

    public List<RegisteredStrategy> all() {
        return List.copyOf(strategies.values());
    }

    public Optional<RegisteredStrategy> find(String id) {
        return Optional.ofNullable(strategies.get(id == null ? "" : id.trim()));
    }

    /** The strategy, or an error listing the ones there are. */
    public RegisteredStrategy require(String id) {
        return find(id).orElseThrow(() -> new UserException(strategies.isEmpty()
                ? Tr.t("no strategies installed: the strategies plugin is missing from the plugins folder (see plugins list)")
                : Tr.f("no strategy '%s'. Strategies: %s", id, String.join(", ", strategies.keySet()))
                        + (errors.isEmpty() ? "" : Tr.f(". Failed: %s", errors))));
    }

    /** Plugins whose strategies failed to load or configure, with the reason. */
    public Map<String, String> errors() {
        return Collections.unmodifiableMap(errors);
    }
}
