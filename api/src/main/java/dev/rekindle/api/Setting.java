package dev.rekindle.api;

import java.util.Objects;

/**
 * One setting a plugin declares, so that the host can bind it, check it and show it without reading
 * the plugin's code. The host binds {@code rekindle.plugins.<plugin-id>.<name>} from the application's
 * settings file, {@code -D} options and the environment ({@code REKINDLE_PLUGINS_<PLUGIN_ID>_<NAME>}, upper
 * case, every other character an underscore), then the {@link Builder#env extra variable} if the setting
 * names one, then the default. Secrets are masked in every listing and redacted from logs and stored
 * details. Required settings that are missing keep the channel from sending.
 *
 * <pre>{@code
 * Setting.named("webhook").description("the robot's webhook URL").required().secret().build()
 * Setting.named("timeout-seconds").defaultValue("10").build()
 * }</pre>
 */
public final class Setting {

    private final String name;
    private final String description;
    private final boolean required;
    private final boolean secret;
    private final String env;
    private final String defaultValue;

    private Setting(Builder b) {
        this.name = b.name;
        this.description = b.description;
        this.required = b.required;
        this.secret = b.secret;
        this.env = b.env;
        this.defaultValue = b.defaultValue;
    }

    /** @param name the key under the plugin's prefix, e.g. {@code sms.access-key-id} */
    public static Builder named(String name) {
        return new Builder(name);
    }

    public String name() { return name; }

    /** One line for {@code channels show} / {@code strategies show}; may be empty. */
    public String description() { return description; }

    public boolean required() { return required; }

    public boolean secret() { return secret; }

    /** An extra environment variable read after the standard ones (e.g. {@code ALIYUN_ACCESS_KEY_ID}), or null. */
    public String env() { return env; }

    /** Used when nothing is set; null for none. */
    public String defaultValue() { return defaultValue; }

    @Override
    public boolean equals(Object o) {
        return o instanceof Setting s && s.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name + (required ? " (required)" : "") + (secret ? " (secret)" : "");
    }

    /** Builds a {@link Setting}; new properties will come as new builder methods. */
    public static final class Builder {
        private final String name;
        private String description = "";
        private boolean required;
        private boolean secret;
        private String env;
        private String defaultValue;

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name").trim();
            if (this.name.isEmpty()) throw new IllegalArgumentException("a setting needs a name");
        }

        public Builder description(String text) { description = text == null ? "" : text; return this; }

        public Builder required() { required = true; return this; }

        public Builder secret() { secret = true; return this; }

        public Builder env(String variable) { env = variable; return this; }

        public Builder defaultValue(String value) { defaultValue = value; return this; }

        public Setting build() {
            return new Setting(this);
        }
    }
}
