package dev.rekindle.channel;

import dev.rekindle.api.Channel;
import dev.rekindle.api.Setting;
import dev.rekindle.plugin.PluginExtensions;
import dev.rekindle.plugin.PluginSettings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every channel the app can use, by id: the host's own first, then those of the plugins that passed
 * their checks ({@link PluginExtensions}: a broken plugin is FAILED, an id claimed twice is used by
 * nobody and both claimants are listed as conflicting).
 */
@Component
public class ChannelRegistry {

    public static final String BUILTIN = "builtin";
    private static final Logger log = LoggerFactory.getLogger(ChannelRegistry.class);

    private final Map<String, RegisteredChannel> channels = new LinkedHashMap<>();
    private final Map<String, String> configureErrors = new LinkedHashMap<>();
    private final Map<String, List<Setting>> declared = new LinkedHashMap<>();
    private final PluginExtensions extensions;

    public ChannelRegistry(List<Channel> hostChannels, PluginExtensions extensions, PluginSettings settings) {
        this.extensions = extensions;
        for (Channel c : hostChannels) {
            Map<String, String> values = new LinkedHashMap<>(settings.forPlugin(BUILTIN, c.declaredSettings()));
            extensions.hostFacts().forEach(values::putIfAbsent);
            try {
                c.configure(values);
            } catch (RuntimeException e) {
                log.error("Channel {} rejected its settings", c.id(), e);
                configureErrors.put(c.id(), String.valueOf(e.getMessage()));
            }
            channels.put(c.id(), new RegisteredChannel(c, BUILTIN));
            declared.put(c.id(), c.declaredSettings());
        }
        for (PluginExtensions.Found<Channel> f : extensions.channels()) {
            channels.put(f.id(), new RegisteredChannel(MissingSettings.add(f.extension(), f.missingRequired()), f.pluginId()));
            declared.put(f.id(), f.declared());
            if (f.settingsError() != null) configureErrors.put(f.id(), f.settingsError());
        }
    }

    /** The usable channels: those of a plugin that failed since start-up are left out. */
    public List<RegisteredChannel> all() {
        return usable().list();
    }

    public Optional<RegisteredChannel> find(String id) {
        return Optional.ofNullable(usable().byId().get(id));
    }

    private record Usable(int generation, List<RegisteredChannel> list, Map<String, RegisteredChannel> byId) {
    }

    private volatile Usable usable;

    /** Looked up per customer while planning: recomputed only when a plugin has failed since. */
    private Usable usable() {
        Usable u = usable;
        int generation = extensions.generation();
        if (u == null || u.generation() != generation) {
            java.util.Set<String> ok = new java.util.HashSet<>(extensions.channels().stream().map(PluginExtensions.Found::id).toList());
            List<RegisteredChannel> list = channels.values().stream()
                    .filter(c -> c.pluginId().equals(BUILTIN) || ok.contains(c.id())).toList();
            Map<String, RegisteredChannel> byId = new LinkedHashMap<>();
            list.forEach(c -> byId.put(c.id(), c));
            u = new Usable(generation, list, Map.copyOf(byId));
            usable = u;
        }
        return u;
    }

    public List<String> idsOf(String pluginId) {
        List<String> ids = new ArrayList<>();
        all().stream().filter(c -> c.pluginId().equals(pluginId)).forEach(c -> ids.add(c.id()));
        return ids;
    }

    /** Why a channel rejected its settings, if it did. */
    public Optional<String> configureError(String channelId) {
        return Optional.ofNullable(configureErrors.get(channelId));
    }

    /** The settings a channel declares (empty when it declares none). */
    public List<Setting> declaredSettings(String channelId) {
        return declared.getOrDefault(channelId, List.of());
    }

    /** Errors met while configuring plugins' channels and strategies, by plugin id. */
    public Map<String, String> extensionErrors() {
        return Collections.unmodifiableMap(extensions.settingsErrors());
    }
}
