package dev.rekindle.guard;

import dev.rekindle.api.ChannelTraits;
import dev.rekindle.api.ContactKind;
import dev.rekindle.channel.ChannelRegistry;
import dev.rekindle.channel.RegisteredChannel;
import dev.rekindle.i18n.Tr;
import dev.rekindle.console.UsageException;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Which contact data a channel id delivers to: the standard channels (sms, email, wechat, taobao-group)
 * are known without any plugin — a dry run needs no gateway — and any installed channel says so itself.
 */
@Component
public class ChannelKinds {

    private final ObjectProvider<ChannelRegistry> channels;

    public ChannelKinds(ObjectProvider<ChannelRegistry> channels) {
        this.channels = channels;
    }

    public Optional<ContactKind> kindOf(String channel) {
        Optional<ContactKind> k = StandardChannels.kindOf(channel);
        if (k.isPresent()) return k;
        return channels.getObject().find(channel).map(rc -> rc.channel().traits().contact());
    }

    public ContactKind require(String channel) {
        return kindOf(channel).orElseThrow(() -> new UsageException(Tr.f("unknown channel '%s'. Channels: %s",
                channel, String.join(", ", known()))));
    }

    public Set<String> known() {
        Set<String> all = new LinkedHashSet<>(StandardChannels.all().keySet());
        channels.getObject().all().stream().map(RegisteredChannel::id).forEach(all::add);
        return all;
    }

    /**
     * The installed channel's traits, or empty when no plugin provides it (or it cannot say): what planning
     * needs to route a customer (care-only channels, limits). Asked once per channel and plan.
     */
    public Optional<ChannelTraits> traits(String channel) {
        try {
            return channels.getObject().find(channel).map(rc -> rc.channel().traits());
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    /** Whether a channel can actually deliver here (a plugin or the built-in file channel provides it). */
    public boolean installed(String channel) {
        return channels.getObject().find(channel).isPresent();
    }
}
