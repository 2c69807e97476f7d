package dev.rekindle.plugin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PF4J's default manager with two repairs: jars that cannot even be loaded are remembered with their
 * error (PF4J only logs them), and plugins are stopped from a copy of the started list, in reverse
 * order, because {@code stopPlugins()} throws ConcurrentModificationException (pf4j issue #656).
 */
public class RekindlePluginManager extends DefaultPluginManager {

    private static final Logger log = LoggerFactory.getLogger(RekindlePluginManager.class);

    private final Map<Path, Exception> loadFailures = new LinkedHashMap<>();

    public RekindlePluginManager(Path pluginsRoot) {
        super(pluginsRoot);
    }

    @Override
    protected PluginWrapper loadPluginFromPath(Path pluginPath) {
        try {
            return super.loadPluginFromPath(pluginPath);
        } catch (RuntimeException e) {
            loadFailures.put(pluginPath, e);
            throw e;
        }
    }

    /** Loads and starts everything it can; never throws for a bad plugin. */
    public void loadAndStart() {
        try {
            loadPlugins();
        } catch (RuntimeException e) {
            // e.g. a dependency cycle between plugins: keep what loaded
            log.error("Plugins could not all be resolved", e);
            loadFailures.put(getPluginsRoot(), e);
        }
        startPlugins();
    }

    public Map<Path, Exception> loadFailures() {
        return Collections.unmodifiableMap(loadFailures);
    }

    @Override
    public void stopPlugins() {
        List<PluginWrapper> started = new ArrayList<>(getStartedPlugins());
        Collections.reverse(started);
        for (PluginWrapper plugin : started) {
            try {
                stopPlugin(plugin.getPluginId());
            } catch (RuntimeException e) {
                log.warn("Plugin {} did not stop cleanly", plugin.getPluginId(), e);
            }
        }
    }
}
