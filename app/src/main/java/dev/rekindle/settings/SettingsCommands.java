package dev.rekindle.settings;

import dev.rekindle.api.Setting;
import dev.rekindle.i18n.Tr;
import dev.rekindle.plugin.PluginExtensions;
import dev.rekindle.plugin.PluginSettings;
import dev.rekindle.plugin.Redactor;
import dev.rekindle.console.Groups;
import dev.rekindle.console.OutputFormat;
import dev.rekindle.console.Table;
import dev.rekindle.console.TextWidth;
import dev.rekindle.store.DatabaseLocation;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

@Component
class SettingsCommands {

    /** Parts of a key that mark its value as a secret: never printed. */
    private static final List<String> SECRET_WORDS = List.of("password", "secret", "token", "key", "webhook");
    private static final String ALL = "all";

    private final ConfigurableEnvironment environment;
    private final DatabaseLocation database;
    private final ObjectProvider<PluginExtensions> plugins;

    SettingsCommands(ConfigurableEnvironment environment, DatabaseLocation database, ObjectProvider<PluginExtensions> plugins) {
        this.environment = environment;
        this.database = database;
        this.plugins = plugins;
    }

    @Command(name = "settings", group = Groups.START,
            description = "The settings in effect (rekindle.* and the database) and where each was set; secrets masked",
            help = """
                    settings
                    settings rekindle.delivery
                    settings shop
                    settings plugins --format json""")
    String settings(@Argument(index = 0, defaultValue = ALL,
                    description = "PREFIX: only keys starting with it, with or without 'rekindle.' (e.g. delivery)") String prefix,
            @Option(longName = "format", description = "table, json or csv", defaultValue = "table") String format) {
        OutputFormat out = OutputFormat.parse(format);
        List<EffectiveSettings.Setting> all = Stream.concat(EffectiveSettings.of(environment).stream(), databaseUrl())
                .filter(s -> matches(s.key(), prefix)).toList();
        if (all.isEmpty()) {
            return Tr.f("No setting starts with '%s'. Try: settings delivery, or settings to see them all.", prefix);
        }
        Set<String> pluginSecrets = all.stream().anyMatch(s -> isPluginSetting(s.key())) ? pluginSecrets() : Set.of();
        // fitted to the screen (the datasource URL alone is 140 columns); the keys stay whole to be copied
        Table t = new Table("setting", "value", "source").fit(Table.SCREEN).whole(0);
        for (EffectiveSettings.Setting s : all) {
            boolean secret = isSecret(s.key()) || pluginSecrets.contains(canonical(s.key()));
            t.row(s.key(), secret && !s.value().isEmpty() ? Redactor.MASK : masked(s.value()), s.from());
        }
        if (out != OutputFormat.TABLE) {
            return t.render(out);
        }
        return t.render(out) + "\n\n" + String.join("\n", TextWidth.wrap(Tr.t("Defaults are in Rekindle's application.yml; change a setting in data/rekindle.yml, in an application.yml "
                + "where you start Rekindle, with -Dkey=value in REKINDLE_JAVA_OPTS, or an environment variable "
                + "(rekindle.shop.name → REKINDLE_SHOP_NAME). See docs/operator/configuration.md."), Table.SCREEN));
    }

    /** The URL the pool uses: the one configured, or the one made from rekindle.db. */
    private Stream<EffectiveSettings.Setting> databaseUrl() {
        if (environment.containsProperty("spring.datasource.url")) {
            return Stream.empty(); // listed with where it was set
        }
        return Stream.of(new EffectiveSettings.Setting("spring.datasource.url", database.jdbcUrl(),
                Tr.t("made from rekindle.db, with SQLite's settings")));
    }

    private static boolean matches(String key, String prefix) {
        if (prefix == null || prefix.isBlank() || prefix.equals(ALL)) return true;
        String p = prefix.strip().toLowerCase(Locale.ROOT);
        return key.startsWith(p) || key.startsWith("rekindle." + p);
    }

    static boolean isSecret(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return SECRET_WORDS.stream().anyMatch(k::contains) || PluginSettings.isSecret(k);
    }

    /** Passwords inside a JDBC URL are masked too. */
    private static String masked(String value) {
        return value.replaceAll("(?i)(password=)[^&;]*", "$1" + Redactor.MASK);
    }

    private static boolean isPluginSetting(String key) {
        return key.startsWith(PluginSettings.PREFIX) && !key.equals("rekindle.plugins.dir") && !key.equals("rekindle.plugins.bundled");
    }

    /** The settings plugins declare secret (a gateway's signing secret may be named anything): loads the plugins. */
    private Set<String> pluginSecrets() {
        Set<String> secrets = new HashSet<>();
        PluginExtensions x = plugins.getObject();
        Stream.concat(x.channels().stream().map(f -> new Declared(f.pluginId(), f.declared())),
                        x.strategies().stream().map(f -> new Declared(f.pluginId(), f.declared())))
                .forEach(d -> d.settings().stream().filter(Setting::secret)
                        .forEach(s -> secrets.add(canonical(PluginSettings.PREFIX + d.pluginId() + "." + s.name()))));
        return secrets;
    }

    private record Declared(String pluginId, List<Setting> settings) {
    }

    /** Keys compared the way Spring binds them: case, dots and dashes do not matter (environment variables). */
    private static String canonical(String key) {
        return key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
