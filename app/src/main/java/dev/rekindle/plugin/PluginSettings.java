package dev.rekindle.plugin;

import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The settings of one plugin: everything under {@code rekindle.plugins.<plugin-id>.} from properties
 * files, {@code -D} options or environment variables, as a flat map ({@code sms.sign-name → 暖心小铺}).
 */
@Component
public class PluginSettings {

    public static final String PREFIX = "rekindle.plugins.";

    private final Environment environment;

    public PluginSettings(Environment environment) {
        this.environment = environment;
    }

    public Map<String, String> forPlugin(String pluginId) {
        return new TreeMap<>(Binder.get(environment)
                .bind(PREFIX + pluginId, Bindable.mapOf(String.class, String.class))
                .orElse(Map.of()));
    }

    /** Keys that look secret are never shown; see {@link #isSecret}. */
    public static boolean isSecret(String key) {
        String k = key.toLowerCase();
        return k.contains("secret") || k.contains("password") || k.contains("token") || k.endsWith("key")
                || k.contains("access-key") || k.contains("webhook");
    }
}
