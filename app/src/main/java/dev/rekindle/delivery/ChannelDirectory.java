package dev.rekindle.delivery;

import dev.rekindle.api.Channel;
import java.util.Optional;

/** Where the engine finds a channel by id (the app's channel registry; a map in tests). */
@FunctionalInterface
public interface ChannelDirectory {

    Optional<Channel> find(String id);
}
