package dev.rekindle.settings;

import dev.rekindle.console.SettingOrigins;
import dev.rekindle.i18n.Tr;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * Every {@code rekindle.*} and {@code spring.datasource.*} key that is set somewhere, with the value that
 * wins and where it was set. Spring's property sources are visited in their order of precedence, so the
 * first one that has a key is the one whose value the app uses; environment variables are seen under the
 * key they bind to ({@code REKINDLE_SHOP_NAME} → {@code rekindle.shop.name}).
 */
final class EffectiveSettings {

    private static final List<String> PREFIXES = List.of("rekindle.", "spring.datasource.");

    /** One setting: its key, the value the app uses (placeholders resolved) and where it was set. */
    record Setting(String key, String value, String from) {
    }

    private EffectiveSettings() {
    }

    static List<Setting> of(ConfigurableEnvironment env) {
        Map<String, Setting> found = new TreeMap<>();
        for (PropertySource<?> source : env.getPropertySources()) {
            ConfigurationPropertySource properties = ConfigurationPropertySource.from(source);
            if (!(properties instanceof IterableConfigurationPropertySource iterable)) {
                continue; // "configurationProperties" (a view over all the others) and random values
            }
            iterable.stream().filter(EffectiveSettings::shown).forEach(name -> {
                String key = name.toString();
                if (found.containsKey(key)) return; // a source before this one wins
                ConfigurationProperty p = iterable.getConfigurationProperty(name);
                if (p == null || p.getValue() == null) return;
                String value = env.resolvePlaceholders(String.valueOf(p.getValue()));
                found.put(key, new Setting(key, value, SettingOrigins.describe(source.getName(), p.getOrigin())));
            });
        }
        return new ArrayList<>(found.values());
    }

    private static boolean shown(ConfigurationPropertyName name) {
        String n = name.toString();
        return PREFIXES.stream().anyMatch(n::startsWith);
    }
}
