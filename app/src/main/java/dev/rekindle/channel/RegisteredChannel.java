package dev.rekindle.channel;

import dev.rekindle.api.Channel;

/** A channel and where it comes from: {@code builtin} for the host's own, else the plugin id. */
public record RegisteredChannel(Channel channel, String pluginId) {

    public String id() {
        return channel.id();
    }
}
