package dev.rekindle.plugin;

import dev.rekindle.api.Setting;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.stereotype.Component;

/**
 * The settings of one plugin: everything under {@code rekindle.plugins.<plugin-id>.} from properties
 * files, {@code -D} options or environment variables, as a flat map ({@code sms.sign-name → 暖心小铺}).
 *
 * <p>Settings the plugin declares ({@link Setting}) are looked up by name in every source, in Spring's
 * order ({@code -D} before the environment before the settings file): the property itself, then the
 * environment variable {@code REKINDLE_PLUGINS_<PLUGIN_ID>_<NAME>}, then the setting's own variable, then
 * its default. Relaxed binding alone cannot map an environment variable onto a dashed key it has never
 * heard of. The values of secret settings are handed to the {@link Redactor}.
 */
@Component
public class PluginSettings {

    public static final String PREFIX = "rekindle.plugins.";

    /** One declared setting, its value (null when unset) and where the value came from. */
    public record Bound(Setting setting, String value, String source) {

        /** As {@code channels show} prints it: secrets masked, unset ones said so. */
        public String shown() {
            if (value == null) return setting.required() ? "(missing)" : "(not set)";
            return setting.secret() || isSecret(setting.name()) ? Redactor.MASK : value;
        }
    }

    private final Environment environment;

    public PluginSettings(Environment environment) {
        this.environment = environment;
    }

    public Map<String, String> forPlugin(String pluginId) {
        return forPlugin(pluginId, List.of());
    }

    /** Everything set under the plugin's prefix, with the declared settings bound and defaulted. */
    public Map<String, String> forPlugin(String pluginId, Collection<Setting> declared) {
        Map<String, String> all = new TreeMap<>(Binder.get(environment)
                .bind(PREFIX + pluginId, Bindable.mapOf(String.class, String.class))
                .orElse(Map.of()));
        for (Bound b : bind(pluginId, declared)) {
            if (b.value() != null) {
                all.put(b.setting().name(), b.value());
            } else if (!b.source().isEmpty()) {
                all.remove(b.setting().name()); // set to a placeholder that names nothing: not a value
            }
        }
        all.forEach((k, v) -> {
            if (isSecret(k)) Redactor.secret(v);
        });
        return all;
    }

    /** The declared settings with their values and sources, for {@code channels show}. */
    public List<Bound> bind(String pluginId, Collection<Setting> declared) {
        List<Bound> out = new ArrayList<>();
        for (Setting s : declared) {
            Bound b = bindOne(pluginId, s);
            if (b.value() != null && (s.secret() || isSecret(s.name()))) Redactor.secret(b.value());
            out.add(b);
        }
        return out;
    }

    private Bound bindOne(String pluginId, Setting s) {
        String key = PREFIX + pluginId + "." + s.name();
        String env = envName(pluginId, s.name());
        if (environment instanceof ConfigurableEnvironment ce) {
            for (PropertySource<?> source : ce.getPropertySources()) {
                if (source.getName().equals("configurationProperties")) continue; // a view over all the others
                boolean isEnv = source.getName().equals(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
                Object v = isEnv ? first(source, env, s.env()) : source.getProperty(key);
                if (v != null) {
                    String from = isEnv ? (source.getProperty(env) != null ? env : s.env()) : describe(source);
                    return resolved(s, v.toString(), from);
                }
            }
        } else {
            String v = environment.getProperty(key);
            if (v != null) return new Bound(s, v, key);
        }
        if (s.defaultValue() != null) return new Bound(s, s.defaultValue(), "default");
        return new Bound(s, null, "");
    }

    /**
     * A value read from its source as written, with its {@code ${…}} placeholders resolved as Spring resolves every
     * other setting ({@code access-key-secret: ${ALIYUN_SECRET}} in rekindle.yml). One that names nothing set is
     * not a value: the channel reports the setting missing, and {@code channels show} says which placeholder.
     */
    private Bound resolved(Setting s, String raw, String from) {
        if (!raw.contains("${")) return new Bound(s, raw, from);
        try {
            return new Bound(s, environment.resolveRequiredPlaceholders(raw), from);
        } catch (IllegalArgumentException unresolvable) {
            return new Bound(s, null, from + ": " + raw + " is not set");
        }
    }

    private static Object first(PropertySource<?> source, String... names) {
        for (String n : names) {
            if (n == null || n.isBlank()) continue;
            Object v = source.getProperty(n);
            if (v != null) return v;
        }
        return null;
    }

    private static String describe(PropertySource<?> source) {
        String n = source.getName();
        if (n.equals(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME)) return "-D";
        if (n.contains("[") && n.contains("]")) return n.substring(n.indexOf('[') + 1, n.lastIndexOf(']'));
        return source instanceof EnumerablePropertySource<?> ? n : "settings";
    }

    /** {@code channel-dingtalk} + {@code robot.secret} → {@code REKINDLE_PLUGINS_CHANNEL_DINGTALK_ROBOT_SECRET}. */
    public static String envName(String pluginId, String key) {
        return ("REKINDLE_PLUGINS_" + pluginId + "_" + key).toUpperCase().replaceAll("[^A-Z0-9]", "_");
    }

    /** Keys that look secret are never shown; see also {@link Setting#secret()}. */
    public static boolean isSecret(String key) {
        String k = key.toLowerCase();
        return k.contains("secret") || k.contains("password") || k.contains("token") || k.endsWith("key")
                || k.contains("access-key") || k.contains("webhook");
    }

    /** Settings declared by several extensions of one plugin, each name once. */
    public static List<Setting> union(Collection<List<Setting>> lists) {
        Map<String, Setting> byName = new LinkedHashMap<>();
        lists.forEach(l -> l.forEach(s -> byName.putIfAbsent(s.name(), s)));
        return List.copyOf(byName.values());
    }
}
