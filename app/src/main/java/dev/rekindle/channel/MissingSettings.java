package dev.rekindle.channel;

import dev.rekindle.api.Channel;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

/**
 * A plugin channel seen with its declared required settings that have no value added to
 * {@link Channel#missingSettings()}, so that everything asking a channel whether it is ready (the
 * delivery engine, {@code channels test}) refuses it the same way. Every other call goes to the channel
 * itself: a proxy, so that methods added to the API later are passed on without a change here.
 */
final class MissingSettings {

    private MissingSettings() {
    }

    static Channel add(Channel channel, List<String> missingRequired) {
        if (missingRequired.isEmpty()) return channel;
        return (Channel) Proxy.newProxyInstance(Channel.class.getClassLoader(), new Class<?>[] {Channel.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("missingSettings") && method.getParameterCount() == 0) {
                        List<String> all = new ArrayList<>(missingRequired);
                        for (String m : channel.missingSettings()) if (!all.contains(m)) all.add(m);
                        return all;
                    }
                    try {
                        return method.invoke(channel, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
