package dev.rekindle.channel;

import dev.rekindle.console.ValueCompleter;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** TAB after {@code --channel} offers the ids of the channels that are installed. */
@Component
class ChannelCompletions implements ValueCompleter {

    private final ObjectProvider<ChannelRegistry> channels;

    ChannelCompletions(ObjectProvider<ChannelRegistry> channels) {
        this.channels = channels;
    }

    @Override
    public List<String> values(String command, String slot) {
        return slot.equals("channel") ? channels.getObject().all().stream().map(RegisteredChannel::id).toList() : List.of();
    }
}
