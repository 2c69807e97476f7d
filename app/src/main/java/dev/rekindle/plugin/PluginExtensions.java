package dev.rekindle.plugin;

import dev.rekindle.api.Channel;
import dev.rekindle.api.ChannelTraits;
import dev.rekindle.api.Setting;
import dev.rekindle.api.Strategy;
import dev.rekindle.shop.ShopProfile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The channels and strategies of the started plugins, each one tried before it is used: created, asked
 * its id, title, traits (or purpose and channels), declared settings, configured and asked what it
 * misses. A plugin whose extension cannot be loaded, created or answer (any exception or
 * {@link LinkageError}: built against another API, a library missing from its jar) is FAILED with the
 * reason and none of its extensions is used; the other plugins are untouched.
 *
 * <p>An id claimed twice (two plugins with channel {@code dingtalk}, or a plugin channel named like a
 * built-in one) is a conflict: none of the claimants is used (the built-in one stays), and each plugin
 * is listed as conflicting. Picking one by load order would change the sender without anyone noticing.
 */
@Component
public class PluginExtensions {

    private static final Logger log = LoggerFactory.getLogger(PluginExtensions.class);

    /**
     * An extension that passed its checks.
     *
     * @param settingsError   why it rejected its settings (the channel is then not ready), or null
     * @param missingRequired declared required settings that have no value
     */
    public record Found<T>(T extension, String id, String pluginId, String pluginVersion, List<Setting> declared,
            String settingsError, List<String> missingRequired) {
    }

    private final RekindlePluginManager plugins;
    private final PluginSettings settings;
    private final Map<String, String> hostFacts = new LinkedHashMap<>();
    private final List<Found<Channel>> channels = new ArrayList<>();
    private final List<Found<Strategy>> strategies = new ArrayList<>();
    private final Map<String, String> settingsErrors = new LinkedHashMap<>();

    @org.springframework.beans.factory.annotation.Autowired
    public PluginExtensions(RekindlePluginManager plugins, PluginSettings settings, List<Channel> hostChannels,
            dev.rekindle.store.StoreProperties store, ShopProfile shop) {
        this(plugins, settings, hostChannels, store.dataDir().toString(), shop);
    }

    public PluginExtensions(RekindlePluginManager plugins, PluginSettings settings, List<Channel> hostChannels,
            String dataDir, ShopProfile shop) {
        this.plugins = plugins;
        this.settings = settings;
        hostFacts.put("host.data-dir", Path.of(dataDir).toAbsolutePath().normalize().toString());
        hostFacts.put("host.shop-name", shop.name());
        hostFacts.put("host.shop-signature", shop.signature());
        Set<String> builtIn = hostChannels.stream().map(Channel::id).collect(Collectors.toSet());

        List<Found<Channel>> allChannels = new ArrayList<>();
        List<Found<Strategy>> allStrategies = new ArrayList<>();
        for (PluginWrapper p : new ArrayList<>(plugins.getStartedPlugins())) {
            try {
                Loaded loaded = load(p);
                allChannels.addAll(loaded.channels);
                allStrategies.addAll(loaded.strategies);
            } catch (Exception | LinkageError e) {
                plugins.fail(p.getPluginId(), PluginErrors.describe(e));
            }
        }
        List<Found<Channel>> usable = withoutConflicts("channel", allChannels, builtIn);
        List<Found<Strategy>> usableStrategies = withoutConflicts("strategy", allStrategies, Set.of());
        configureChannels(usable);
        configureStrategies(usableStrategies);
    }

    /** Host facts every channel also receives: where the data is, the shop's name and signature. */
    public Map<String, String> hostFacts() {
        return Collections.unmodifiableMap(hostFacts);
    }

    /** Changes when a plugin fails after start-up: lists of usable extensions cached by others are then stale. */
    public int generation() {
        return plugins.failuresAfterStart();
    }

    /** Channels of plugins that are still fine, in plugin order. */
    public synchronized List<Found<Channel>> channels() {
        Set<String> ok = plugins.usableIds();
        return channels.stream().filter(f -> ok.contains(f.pluginId())).toList();
    }

    public synchronized List<Found<Strategy>> strategies() {
        Set<String> ok = plugins.usableIds();
        return strategies.stream().filter(f -> ok.contains(f.pluginId())).toList();
    }

    /** Extensions that rejected their settings, by plugin: "channel sms: missing sign-name". */
    public synchronized Map<String, String> settingsErrors() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(settingsErrors));
    }

    /**
     * Runs a call into a plugin's extension; a {@link LinkageError} or an exception from it marks the
     * plugin FAILED (its extensions are no longer offered) and is rethrown as a PluginRuntimeException
     * naming the plugin. For the calls the host makes after start-up (e.g. {@code title()} in a listing).
     */
    public <T> T call(String pluginId, String what, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException | LinkageError e) {
            String reason = what + ": " + PluginErrors.describe(e);
            plugins.fail(pluginId, reason);
            throw new PluginRuntimeException(e, "plugin {} failed: {}", pluginId, reason);
        }
    }

    private record Loaded(List<Found<Channel>> channels, List<Found<Strategy>> strategies) {
    }

    private Loaded load(PluginWrapper p) throws Exception {
        String pluginId = p.getPluginId();
        String version = p.getDescriptor().getVersion();
        List<Found<Channel>> cs = new ArrayList<>();
        List<Found<Strategy>> ss = new ArrayList<>();
        for (String name : new java.util.TreeSet<>(plugins.getExtensionClassNames(pluginId))) {
            Class<?> type;
            try {
                type = p.getPluginClassLoader().loadClass(name);
            } catch (ClassNotFoundException | LinkageError e) {
                throw new PluginRuntimeException(e, "extension {} cannot be loaded: {}", simple(name), PluginErrors.describe(e));
            }
            boolean channel = Channel.class.isAssignableFrom(type);
            boolean strategy = Strategy.class.isAssignableFrom(type);
            if (!channel && !strategy) {
                if (implementsByName(type, Channel.class.getName()) || implementsByName(type, Strategy.class.getName())) {
                    throw new PluginRuntimeException("extension {} implements its own copy of rekindle-api: declare the "
                            + "rekindle-api dependency with <scope>provided</scope> so the jar does not contain it", simple(name));
                }
                continue;
            }
            Object instance;
            try {
                instance = plugins.getExtensionFactory().create(type);
            } catch (RuntimeException | LinkageError e) {
                throw new PluginRuntimeException(e, "extension {} could not be created: {}", simple(name), PluginErrors.describe(e));
            }
            String step = "id()";
            try {
                if (instance instanceof Channel c) {
                    String id = requireId(c.id(), name);
                    step = "title()";
                    c.title();
                    step = "traits()";
                    Objects.requireNonNull(c.traits(), "traits() returned null");
                    step = "declaredSettings()";
                    cs.add(new Found<>(c, id, pluginId, version, List.copyOf(c.declaredSettings()), null, List.of()));
                }
                if (instance instanceof Strategy s) {
                    step = "id()";
                    String id = requireId(s.id(), name);
                    step = "title()";
                    s.title();
                    step = "purpose()";
                    Objects.requireNonNull(s.purpose(), "purpose() returned null");
                    step = "channels()";
                    s.channels();
                    step = "declaredSettings()";
                    ss.add(new Found<>(s, id, pluginId, version, List.copyOf(s.declaredSettings()), null, List.of()));
                }
            } catch (RuntimeException | LinkageError e) {
                throw new PluginRuntimeException(e, "extension {} failed in {}: {}", simple(name), step, PluginErrors.describe(e));
            }
        }
        return new Loaded(cs, ss);
    }

    private <T> List<Found<T>> withoutConflicts(String kind, List<Found<T>> found, Set<String> builtIn) {
        Map<String, List<Found<T>>> byId = new LinkedHashMap<>();
        for (Found<T> f : found) byId.computeIfAbsent(f.id(), k -> new ArrayList<>()).add(f);
        List<Found<T>> usable = new ArrayList<>();
        byId.forEach((id, claimants) -> {
            if (builtIn.contains(id)) {
                for (Found<T> f : claimants) {
                    plugins.conflict(f.pluginId(), kind + " '" + id + "' is built into Rekindle: the plugin's is not used; "
                            + "rename it");
                }
            } else if (claimants.size() > 1) {
                List<String> owners = claimants.stream().map(Found::pluginId).distinct().toList();
                for (Found<T> f : claimants) {
                    List<String> others = owners.stream().filter(o -> !o.equals(f.pluginId())).toList();
                    plugins.conflict(f.pluginId(), kind + " '" + id + "' is also declared by "
                            + (others.isEmpty() ? "another extension of this plugin" : "plugin " + String.join(", ", others))
                            + ": neither is used; remove one plugin or list it in plugins/disabled.txt");
                }
            } else {
                usable.add(claimants.get(0));
            }
        });
        return usable;
    }

    private void configureChannels(List<Found<Channel>> usable) {
        Map<String, List<Found<Channel>>> byPlugin = byPlugin(usable, Found::pluginId);
        byPlugin.forEach((pluginId, list) -> {
            List<Setting> declared = PluginSettings.union(list.stream().map(Found::declared).toList());
            Map<String, String> values = new LinkedHashMap<>(settings.forPlugin(pluginId, declared));
            hostFacts.forEach(values::putIfAbsent);
            List<Found<Channel>> ok = new ArrayList<>();
            try {
                for (Found<Channel> f : list) {
                    String error = null;
                    try {
                        f.extension().configure(Map.copyOf(values));
                    } catch (RuntimeException e) {
                        error = Redactor.redact(String.valueOf(e.getMessage()));
                        log.error("Channel {} of {} rejected its settings: {}", f.id(), pluginId, error);
                        settingsErrors.merge(pluginId, "channel " + f.id() + ": " + error, (a, b) -> a + "; " + b);
                    }
                    try {
                        f.extension().traits();
                        f.extension().missingSettings();
                    } catch (RuntimeException | LinkageError e) {
                        throw new PluginRuntimeException(e, "channel {} failed in its settings check: {}", f.id(),
                                PluginErrors.describe(e));
                    }
                    List<String> missing = f.declared().stream()
                            .filter(s -> s.required() && !values.containsKey(s.name())).map(Setting::name).toList();
                    ok.add(new Found<>(f.extension(), f.id(), pluginId, f.pluginVersion(), f.declared(), error, missing));
                }
                channels.addAll(ok);
            } catch (RuntimeException | LinkageError e) {
                plugins.fail(pluginId, PluginErrors.describe(e));
            }
        });
    }

    private void configureStrategies(List<Found<Strategy>> usable) {
        Map<String, List<Found<Strategy>>> byPlugin = byPlugin(usable, Found::pluginId);
        byPlugin.forEach((pluginId, list) -> {
            List<Setting> declared = PluginSettings.union(list.stream().map(Found::declared).toList());
            Map<String, String> values = settings.forPlugin(pluginId, declared);
            List<Found<Strategy>> ok = new ArrayList<>();
            try {
                for (Found<Strategy> f : list) {
                    List<String> missing = f.declared().stream()
                            .filter(s -> s.required() && !values.containsKey(s.name())).map(Setting::name).toList();
                    try {
                        if (!missing.isEmpty()) {
                            throw new IllegalArgumentException("missing " + String.join(", ", missing));
                        }
                        f.extension().configure(Map.copyOf(values));
                    } catch (RuntimeException e) {
                        String error = Redactor.redact(String.valueOf(e.getMessage()));
                        log.error("Strategy {} of {} rejected its settings: {}", f.id(), pluginId, error);
                        settingsErrors.merge(pluginId, "strategy " + f.id() + ": " + error, (a, b) -> a + "; " + b);
                        continue; // a strategy without its settings cannot plan
                    } catch (LinkageError e) {
                        throw new PluginRuntimeException(e, "strategy {} failed in configure(): {}", f.id(), PluginErrors.describe(e));
                    }
                    try {
                        f.extension().targets();
                        f.extension().settings();
                    } catch (RuntimeException | LinkageError e) {
                        throw new PluginRuntimeException(e, "strategy {} failed in its settings check: {}", f.id(),
                                PluginErrors.describe(e));
                    }
                    ok.add(f);
                }
                strategies.addAll(ok);
            } catch (RuntimeException | LinkageError e) {
                plugins.fail(pluginId, PluginErrors.describe(e));
            }
        });
    }

    private static <T> Map<String, List<Found<T>>> byPlugin(List<Found<T>> found, Function<Found<T>, String> key) {
        Map<String, List<Found<T>>> m = new LinkedHashMap<>();
        for (Found<T> f : found) m.computeIfAbsent(key.apply(f), k -> new ArrayList<>()).add(f);
        return m;
    }

    private static String requireId(String id, String className) {
        if (id == null || id.isBlank()) throw new IllegalStateException(simple(className) + ".id() is empty");
        return id.trim();
    }

    private static boolean implementsByName(Class<?> type, String interfaceName) {
        for (Class<?> t = type; t != null; t = t.getSuperclass()) {
            for (Class<?> i : t.getInterfaces()) {
                if (i.getName().equals(interfaceName)) return true;
            }
        }
        return false;
    }

    private static String simple(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    /** Plugins with state for {@code status}: id, version and state, FAILED and conflicting ones marked. */
    public String summary() {
        Map<String, List<String>> conflicts = plugins.conflicts();
        return plugins.getPlugins().stream().map(p -> p.getPluginId() + " " + p.getDescriptor().getVersion()
                        + (p.getPluginState() == PluginState.STARTED
                        ? (conflicts.containsKey(p.getPluginId()) ? " (CONFLICT)" : "")
                        : " (" + p.getPluginState() + ")"))
                .collect(Collectors.joining(", "));
    }
}
