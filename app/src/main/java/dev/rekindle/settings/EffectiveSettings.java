package dev.rekindle.settings;

import dev.rekindle.i18n.Tr;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.boot.origin.SystemEnvironmentOrigin;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

/**
 * Every {@code rekindle.*} and {@code spring.datasource.*} key that is set somewhere, with the value that
 * wins and where it was set. Spring's property sources are visited in their order of precedence, so the
 * first one that has a key is the one whose value the app uses; environment variables are seen under the
 * key they bind to ({@code REKINDLE_SHOP_NAME} → {@code rekindle.shop.name}).
 */
final class EffectiveSettings {

    /** The property source that the launcher's global options ({@code --db}, {@code --lang}) go into. */
    static final String COMMAND_LINE = "commandLineOptions";
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
                found.put(key, new Setting(key, value, from(source, p.getOrigin())));
            });
        }
        return new ArrayList<>(found.values());
    }

    private static boolean shown(ConfigurationPropertyName name) {
        String n = name.toString();
        return PREFIXES.stream().anyMatch(n::startsWith);
    }

    /** Where a value was set, in the operator's words: a file and line, -D, an environment variable… */
    static String from(PropertySource<?> source, Origin origin) {
        String name = source.getName();
        String property = null;
        if (origin instanceof PropertySourceOrigin wrapped) {
            // Boot wraps the file's own origin (file, line) with the source it was found in
            property = wrapped.getPropertyName();
            origin = wrapped.getOrigin();
        }
        if (name.equals(COMMAND_LINE)) return Tr.t("command line");
        if (name.equals(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME)) return "-D";
        if (origin instanceof SystemEnvironmentOrigin env) return Tr.f("environment %s", env.getProperty());
        if (name.equals(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME) && property != null) {
            return Tr.f("environment %s", property);
        }
        if (origin instanceof TextResourceOrigin text) {
            Resource r = text.getResource();
            if (r instanceof ClassPathResource || name.contains("class path resource [")) {
                return Tr.f("default (%s in Rekindle)", r.getFilename()); // the shipped file, inside the jar
            }
            String file = describe(r);
            return text.getLocation() == null ? file : file + ":" + (text.getLocation().getLine() + 1);
        }
        if (name.equals("defaultProperties")) return Tr.t("default");
        return name;
    }

    private static String describe(Resource r) {
        try {
            return r.getFile().getPath();
        } catch (java.io.IOException | UnsupportedOperationException e) {
            return r.getDescription();
        }
    }
}
