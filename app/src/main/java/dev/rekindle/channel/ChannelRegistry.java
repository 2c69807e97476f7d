package dev.rekindle.channel;

import dev.rekindle.api.Channel;
import dev.rekindle.plugin.PluginSettings;
import dev.rekindle.plugin.RekindlePluginManager;
import dev.rekindle.shop.ShopProfile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Every channel the app can use, by id. Host channels come first; a plugin channel with the same id as
 * an earlier one is ignored (and logged) rather than silently replacing it.
 */
@Component
public class ChannelRegistry {

    public static final String BUILTIN = "builtin";
    private static final Logger log = LoggerFactory.getLogger(ChannelRegistry.class);

    private final Map<String, RegisteredChannel> channels = new LinkedHashMap<>();
    private final Map<String, String> extensionErrors = new LinkedHashMap<>();
    private final Map<String, String> configureErrors = new LinkedHashMap<>();

    private final String dataDir;
    private final ShopProfile shop;

    public ChannelRegistry(List<Channel> hostChannels, RekindlePluginManager plugins, PluginSettings settings,
            @Value("${rekindle.data-dir}") String dataDir, ShopProfile shop) {
        this.dataDir = Path.of(dataDir).toAbsolutePath().normalize().toString();
        this.shop = shop;
        for (Channel c : hostChannels) {
            add(new RegisteredChannel(c, BUILTIN), withHostFacts(settings.forPlugin(BUILTIN)));
        }
        for (PluginWrapper p : plugins.getStartedPlugins()) {
            try {
                for (Channel c : plugins.getExtensions(Channel.class, p.getPluginId())) {
                    add(new RegisteredChannel(c, p.getPluginId()), withHostFacts(settings.forPlugin(p.getPluginId())));
                }
            } catch (RuntimeException | LinkageError e) {
                log.error("Channels of plugin {} could not be created", p.getPluginId(), e);
                extensionErrors.put(p.getPluginId(), String.valueOf(e.getMessage()));
            }
        }
    }

    /**
     * Every channel also learns where the host keeps its data ({@code host.data-dir}), for output files,
     * and the shop's name and SMS signature ({@code host.shop-name}, {@code host.shop-signature}) as defaults.
     */
    private Map<String, String> withHostFacts(Map<String, String> settings) {
        Map<String, String> all = new LinkedHashMap<>(settings);
        all.putIfAbsent("host.data-dir", dataDir);
        all.putIfAbsent("host.shop-name", shop.name());
        all.putIfAbsent("host.shop-signature", shop.signature());
        return all;
    }

    private void add(RegisteredChannel rc, Map<String, String> settings) {
        if (channels.containsKey(rc.id())) {
            log.warn("Channel id '{}' of {} is already taken by {}; ignored", rc.id(), rc.pluginId(),
                    channels.get(rc.id()).pluginId());
            return;
        }
        try {
            rc.channel().configure(settings);
        } catch (RuntimeException e) {
            log.error("Channel {} of {} rejected its settings", rc.id(), rc.pluginId(), e);
            extensionErrors.put(rc.pluginId(), "channel " + rc.id() + ": " + e.getMessage());
            configureErrors.put(rc.id(), String.valueOf(e.getMessage()));
        }
        channels.put(rc.id(), rc);
    }

    public List<RegisteredChannel> all() {
        return List.copyOf(channels.values());
    }

    public Optional<RegisteredChannel> find(String id) {
        return Optional.ofNullable(channels.get(id));
    }

    public List<String> idsOf(String pluginId) {
        List<String> ids = new ArrayList<>();
        channels.values().stream().filter(c -> c.pluginId().equals(pluginId)).forEach(c -> ids.add(c.id()));
        return ids;
    }

    /** Why a channel rejected its settings, if it did. */
    public Optional<String> configureError(String channelId) {
        return Optional.ofNullable(configureErrors.get(channelId));
    }

    /** Errors met while creating or configuring a plugin's channels, by plugin id. */
    public Map<String, String> extensionErrors() {
        return Collections.unmodifiableMap(extensionErrors);
    }
}
