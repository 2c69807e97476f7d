package dev.rekindle.plugin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import dev.rekindle.api.ApiVersion;
import java.lang.reflect.InvocationTargetException;
import org.pf4j.CompoundPluginDescriptorFinder;
import org.pf4j.DefaultPluginFactory;
import org.pf4j.DefaultPluginManager;
import org.pf4j.DependencyResolver;
import org.pf4j.ManifestPluginDescriptorFinder;
import org.pf4j.Plugin;
import org.pf4j.PluginDependency;
import org.pf4j.PluginDescriptorFinder;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginFactory;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.pf4j.PropertiesPluginDescriptorFinder;
import org.pf4j.util.FileUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PF4J's default manager made safe for plugins written by others: one plugin's problem never stops
 * the rest.
 *
 * <ul>
 * <li>Every jar is looked at on its own. A jar without a descriptor is remembered with its error; of two
 *     copies of one plugin id the newest version is loaded and the others are listed as superseded.</li>
 * <li>A plugin whose {@code Plugin-Requires} does not admit this host's API version is FAILED with both
 *     versions named (PF4J only disables it with "Plugin validation failed").</li>
 * <li>Dependencies are checked plugin by plugin before PF4J's resolver sees them: a plugin that needs a
 *     missing, disabled, failed or wrong-version plugin, or sits in a cycle, is FAILED with the reason,
 *     and PF4J resolves the others (its resolver throws for the whole set otherwise).</li>
 * <li>A plugin class whose constructor throws is FAILED with that exception (PF4J's factory returns null
 *     and the start fails with a NullPointerException).</li>
 * <li>Plugins are stopped from a copy of the started list, in reverse order: {@code stopPlugins()}
 *     throws ConcurrentModificationException (upstream: https://github.com/pf4j/pf4j/issues/656).</li>
 * </ul>
 * Later problems (an extension that cannot be created or answer, a conflicting id) are reported through
 * {@link #fail} and {@link #conflict} by {@link PluginExtensions}.
 */
public class RekindlePluginManager extends DefaultPluginManager {

    private static final Logger log = LoggerFactory.getLogger(RekindlePluginManager.class);

    /** A plugin file that is not running, or a running plugin with a problem, as {@code plugins list} shows it. */
    public record Problem(String pluginId, String version, Path file, String state, String reason) {
    }

    private final Map<Path, Exception> loadFailures = new LinkedHashMap<>();
    private final List<Problem> superseded = new ArrayList<>();
    private final Map<String, List<String>> conflicts = new LinkedHashMap<>();
    private final Map<String, String> refusedVersions = new LinkedHashMap<>();
    /** Bumped whenever a plugin fails after start, so that cached lists of usable extensions are renewed. */
    private volatile int failures;

    public RekindlePluginManager(Path pluginsRoot) {
        this(pluginsRoot, ApiVersion.current());
    }

    /** @param apiVersion the plugin API this host offers, checked against each {@code Plugin-Requires} */
    public RekindlePluginManager(Path pluginsRoot, String apiVersion) {
        super(pluginsRoot);
        setSystemVersion(PluginVersions.release(apiVersion));
    }

    /**
     * The manifest first (the kit and the scaffold write it), then {@code plugin.properties}: PF4J's order opens
     * every jar as a zip file system to look for the properties file, a few milliseconds per plugin per start.
     */
    @Override
    protected PluginDescriptorFinder createPluginDescriptorFinder() {
        return new CompoundPluginDescriptorFinder().add(new ManifestPluginDescriptorFinder()).add(new PropertiesPluginDescriptorFinder());
    }

    @Override
    protected PluginFactory createPluginFactory() {
        return new DefaultPluginFactory() {
            /** PF4J's returns null when the constructor throws: the start then fails with a bare NullPointerException. */
            @Override
            protected Plugin createInstance(Class<?> pluginClass, PluginWrapper plugin) {
                try {
                    try {
                        return (Plugin) pluginClass.getConstructor(PluginWrapper.class).newInstance(plugin);
                    } catch (NoSuchMethodException e) {
                        return (Plugin) pluginClass.getConstructor().newInstance();
                    }
                } catch (ReflectiveOperationException e) {
                    Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
                    throw new PluginRuntimeException(cause, "plugin class {} could not be created: {}",
                            pluginClass.getName(), PluginErrors.describe(cause));
                }
            }

            @Override
            public Plugin create(PluginWrapper plugin) {
                Plugin p = super.create(plugin);
                if (p == null) {
                    throw new PluginRuntimeException("plugin class {} is missing or is not an org.pf4j.Plugin",
                            plugin.getDescriptor().getPluginClass());
                }
                return p;
            }
        };
    }

    @Override
    protected PluginWrapper loadPluginFromPath(Path pluginPath) {
        try {
            PluginWrapper wrapper = super.loadPluginFromPath(pluginPath);
            String refused = wrapper == null ? null : refusedVersions.get(wrapper.getPluginId());
            if (refused != null) {
                wrapper.setPluginState(PluginState.FAILED);
                wrapper.setFailedException(new PluginRuntimeException(refused));
            }
            return wrapper;
        } catch (RuntimeException e) {
            loadFailures.put(pluginPath, e);
            throw e;
        }
    }

    /** PF4J's check with a message naming both versions (qualifiers like -SNAPSHOT are ignored). */
    @Override
    protected boolean isPluginValid(PluginWrapper plugin) {
        Optional<String> refusal = PluginVersions.refusal(getVersionManager(), getSystemVersion(), plugin.getDescriptor());
        refusal.ifPresent(r -> {
            log.warn("Plugin {} refused: {}", plugin.getPluginId(), r);
            refusedVersions.put(plugin.getPluginId(), r);
        });
        // the refused plugin is marked FAILED (not DISABLED) in loadPluginFromPath
        return true;
    }

    /** Loads and starts everything it can; never throws for a bad plugin. */
    public void loadAndStart() {
        List<Path> paths;
        try {
            paths = pluginRepository.getPluginPaths();
        } catch (RuntimeException e) {
            log.error("The plugins folder {} cannot be read", getPluginsRoot(), e);
            loadFailures.put(getPluginsRoot(), e);
            return;
        }
        for (Path path : newestOfEachId(paths)) {
            try {
                loadPluginFromPath(path);
            } catch (RuntimeException | LinkageError e) {
                log.error("Cannot load plugin {}", path, e);
                if (e instanceof LinkageError le) loadFailures.put(path, new PluginRuntimeException(le, "{}", le));
            }
        }
        try {
            resolvePlugins();
        } catch (RuntimeException e) {
            // resolveDependencies removed every offender beforehand; this is a last resort
            log.error("Plugins could not all be resolved", e);
            loadFailures.put(getPluginsRoot(), e);
        }
        for (PluginWrapper plugin : new ArrayList<>(resolvedPlugins)) {
            if (plugin.getPluginState() == PluginState.RESOLVED) {
                try {
                    startPlugin(plugin.getPluginId());
                } catch (RuntimeException | LinkageError e) {
                    fail(plugin.getPluginId(), "cannot start: " + PluginErrors.describe(e));
                }
            }
        }
    }

    /**
     * The newest version of each plugin id, in folder order; the older copies are remembered as
     * superseded. Files whose descriptor cannot be read are left for PF4J to report.
     */
    private List<Path> newestOfEachId(List<Path> paths) {
        Map<String, Path> newest = new LinkedHashMap<>();
        Map<Path, PluginDescriptor> descriptors = new LinkedHashMap<>();
        List<Path> undescribed = new ArrayList<>();
        for (Path p : paths) {
            try {
                Path expanded = FileUtils.expandIfZip(p);
                PluginDescriptor d = getPluginDescriptorFinder().find(expanded);
                descriptors.put(expanded, d);
                Path other = newest.get(d.getPluginId());
                if (other == null) {
                    newest.put(d.getPluginId(), expanded);
                } else {
                    PluginDescriptor o = descriptors.get(other);
                    boolean newer = PluginVersions.compare(getVersionManager(), d.getVersion(), o.getVersion()) > 0;
                    Path winner = newer ? expanded : other;
                    Path loser = newer ? other : expanded;
                    newest.put(d.getPluginId(), winner);
                    PluginDescriptor w = descriptors.get(winner);
                    superseded.add(new Problem(d.getPluginId(), descriptors.get(loser).getVersion(), loser, "SUPERSEDED",
                            "version " + w.getVersion() + " (" + winner.getFileName() + ") runs instead; delete this file"));
                }
            } catch (Exception e) {
                undescribed.add(p);
            }
        }
        List<Path> chosen = new ArrayList<>(undescribed);
        chosen.addAll(newest.values());
        return chosen;
    }

    /**
     * PF4J's resolver throws for the whole set when one plugin's dependency is missing; here each
     * plugin's dependencies are checked first and the offenders are FAILED with the reason, so the
     * resolver only sees plugins it can resolve. Disabled and failed plugins are left out.
     */
    @Override
    protected DependencyResolver.Result resolveDependencies() {
        Map<String, PluginWrapper> candidates = new LinkedHashMap<>();
        for (PluginWrapper p : plugins.values()) {
            if (p.getPluginState() != PluginState.DISABLED && p.getPluginState() != PluginState.FAILED) {
                candidates.put(p.getPluginId(), p);
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (PluginWrapper p : new ArrayList<>(candidates.values())) {
                String reason = dependencyProblem(p, candidates);
                if (reason != null) {
                    markFailed(p, reason);
                    candidates.remove(p.getPluginId());
                    changed = true;
                }
            }
        }
        for (List<String> cycle : PluginCycles.find(candidates.values())) {
            String text = String.join(" → ", cycle) + " → " + cycle.get(0);
            for (String id : cycle) {
                PluginWrapper p = candidates.remove(id);
                if (p != null) markFailed(p, "its dependencies form a cycle: " + text);
            }
        }
        // a plugin depending on one just removed for a cycle
        changed = true;
        while (changed) {
            changed = false;
            for (PluginWrapper p : new ArrayList<>(candidates.values())) {
                String reason = dependencyProblem(p, candidates);
                if (reason != null) {
                    markFailed(p, reason);
                    candidates.remove(p.getPluginId());
                    changed = true;
                }
            }
        }
        List<PluginDescriptor> descriptors = candidates.values().stream().map(PluginWrapper::getDescriptor).toList();
        DependencyResolver.Result result = dependencyResolver.resolve(descriptors);
        if (!result.isOK()) {
            throw new PluginRuntimeException("plugin dependencies could not be resolved: missing {}, wrong versions {}",
                    result.getNotFoundDependencies(), result.getWrongVersionDependencies());
        }
        return result;
    }

    private String dependencyProblem(PluginWrapper p, Map<String, PluginWrapper> candidates) {
        for (PluginDependency d : p.getDescriptor().getDependencies()) {
            PluginWrapper dep = plugins.get(d.getPluginId());
            if (dep == null) {
                if (d.isOptional()) continue;
                return "needs plugin '" + d.getPluginId() + "', which is not installed (Plugin-Dependencies)";
            }
            if (!candidates.containsKey(d.getPluginId())) {
                if (d.isOptional()) continue;
                return "needs plugin '" + d.getPluginId() + "', which is " + dep.getPluginState().toString().toLowerCase();
            }
            String range = d.getPluginVersionSupport();
            if (!PluginVersions.satisfies(getVersionManager(), dep.getDescriptor().getVersion(), range)) {
                return "needs plugin '" + d.getPluginId() + "' " + range + ", but version "
                        + dep.getDescriptor().getVersion() + " is installed";
            }
        }
        return null;
    }

    private void markFailed(PluginWrapper p, String reason) {
        log.error("Plugin {} failed: {}", p.getPluginId(), reason);
        p.setPluginState(PluginState.FAILED);
        p.setFailedException(new PluginRuntimeException(reason));
    }

    /**
     * Marks a loaded plugin FAILED with the reason, stopping it first if it runs; its extensions are
     * not used. For problems found after start (an extension that cannot be created or answer).
     */
    public synchronized void fail(String pluginId, String reason) {
        PluginWrapper p = getPlugin(pluginId);
        if (p == null) return;
        if (p.getPluginState() == PluginState.STARTED) {
            try {
                stopPlugin(pluginId, false);
            } catch (RuntimeException | LinkageError e) {
                log.warn("Plugin {} did not stop cleanly", pluginId, e);
            }
        }
        if (p.getPluginState() != PluginState.FAILED) markFailed(p, reason);
        failures++;
    }

    /** How many plugins failed after start so far: a cheap "has anything changed" for caches. */
    public int failuresAfterStart() {
        return failures;
    }

    /** Records that one of the plugin's ids is also claimed elsewhere (its other extensions still run). */
    public synchronized void conflict(String pluginId, String message) {
        log.error("Plugin {}: {}", pluginId, message);
        conflicts.computeIfAbsent(pluginId, k -> new ArrayList<>()).add(message);
    }

    public synchronized Map<String, List<String>> conflicts() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(conflicts));
    }

    /** Files that could not be loaded at all (no descriptor, unreadable), with the error. */
    public Map<Path, Exception> loadFailures() {
        return Collections.unmodifiableMap(loadFailures);
    }

    /** Older copies of plugins whose newest version runs. */
    public List<Problem> superseded() {
        return List.copyOf(superseded);
    }

    /**
     * Every problem, by plugin: FAILED plugins with the reason, conflicts, superseded copies and files
     * that are no plugin. Empty when all is well.
     */
    public synchronized List<Problem> problems() {
        List<Problem> all = new ArrayList<>();
        for (PluginWrapper p : getPlugins()) {
            if (p.getPluginState() == PluginState.FAILED) {
                all.add(new Problem(p.getPluginId(), p.getDescriptor().getVersion(), p.getPluginPath(), "FAILED",
                        PluginErrors.describe(p.getFailedException())));
            }
        }
        conflicts.forEach((id, messages) -> {
            PluginWrapper p = getPlugin(id);
            all.add(new Problem(id, p == null ? "" : p.getDescriptor().getVersion(), p == null ? null : p.getPluginPath(),
                    "CONFLICT", String.join("; ", messages)));
        });
        all.addAll(superseded);
        loadFailures.forEach((path, e) -> all.add(new Problem("?", "", path, "NOT LOADED", PluginErrors.describe(e))));
        return all;
    }

    /** Ids of plugins whose extensions may be used: started and not failed since. */
    public Set<String> usableIds() {
        return getStartedPlugins().stream().map(PluginWrapper::getPluginId).collect(Collectors.toCollection(HashSet::new));
    }

    @Override
    public void stopPlugins() {
        List<PluginWrapper> started = new ArrayList<>(getStartedPlugins());
        Collections.reverse(started);
        for (PluginWrapper plugin : started) {
            try {
                stopPlugin(plugin.getPluginId());
            } catch (RuntimeException | LinkageError e) {
                log.warn("Plugin {} did not stop cleanly", plugin.getPluginId(), e);
            }
        }
    }
}
