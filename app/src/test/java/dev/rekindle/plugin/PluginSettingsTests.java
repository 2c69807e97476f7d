package dev.rekindle.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.rekindle.api.Setting;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Declared settings bound from -D, the environment and the settings file, in Spring's order. */
class PluginSettingsTests {

    private static StandardEnvironment environment(Map<String, Object> systemProperties, Map<String, Object> env,
            Map<String, Object> file) {
        StandardEnvironment e = new StandardEnvironment();
        MutablePropertySources s = e.getPropertySources();
        s.replace(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
                new MapPropertySource(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME, systemProperties));
        s.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, env));
        s.addLast(new MapPropertySource("Config resource 'class path resource [application.yml]'", file));
        return e;
    }

    private static final List<Setting> DECLARED = List.of(
            Setting.named("robot.secret").secret().required().env("DINGTALK_SECRET").build(),
            Setting.named("sign-name").build(),
            Setting.named("timeout-seconds").defaultValue("10").build(),
            Setting.named("unset").build());

    @Test
    void bindsFromTheEnvironmentByTheStandardNameThenTheSettingsOwnVariableThenTheDefault() {
        PluginSettings settings = new PluginSettings(environment(Map.of(),
                Map.of("REKINDLE_PLUGINS_CHANNEL_DINGTALK_SIGN_NAME", "暖心小铺", "DINGTALK_SECRET", "SEC-env-123456"),
                Map.of("rekindle.plugins.channel-dingtalk.other", "x")));

        Map<String, String> values = settings.forPlugin("channel-dingtalk", DECLARED);

        assertEquals("暖心小铺", values.get("sign-name"));
        assertEquals("SEC-env-123456", values.get("robot.secret"));
        assertEquals("10", values.get("timeout-seconds"));
        assertEquals("x", values.get("other"), "undeclared keys are still passed on");
        assertNull(values.get("unset"));
        List<PluginSettings.Bound> bound = settings.bind("channel-dingtalk", DECLARED);
        assertEquals("DINGTALK_SECRET", bound.get(0).source());
        assertEquals("****", bound.get(0).shown());
        assertEquals("REKINDLE_PLUGINS_CHANNEL_DINGTALK_SIGN_NAME", bound.get(1).source());
        assertEquals("default", bound.get(2).source());
        assertEquals("(not set)", bound.get(3).shown());
        assertEquals("a **** b", Redactor.redact("a SEC-env-123456 b"), "a bound secret is redacted from then on");
    }

    @Test
    void aDashDOptionBeatsTheEnvironmentWhichBeatsTheSettingsFile() {
        PluginSettings settings = new PluginSettings(environment(
                Map.of("rekindle.plugins.p.sign-name", "from -D"),
                Map.of("REKINDLE_PLUGINS_P_SIGN_NAME", "from env", "REKINDLE_PLUGINS_P_TIMEOUT_SECONDS", "30"),
                Map.of("rekindle.plugins.p.sign-name", "from file", "rekindle.plugins.p.timeout-seconds", "20",
                        "rekindle.plugins.p.unset", "from file")));

        Map<String, String> values = settings.forPlugin("p", DECLARED);

        assertEquals("from -D", values.get("sign-name"));
        assertEquals("30", values.get("timeout-seconds"));
        assertEquals("from file", values.get("unset"));
    }

    @Test
    void aPlaceholderInTheSettingsFileIsResolvedAndOneThatNamesNothingIsNotAValue() {
        PluginSettings settings = new PluginSettings(environment(Map.of(), Map.of("ALIYUN_SECRET", "SEC-env-987654"),
                Map.of("rekindle.plugins.p.robot.secret", "${ALIYUN_SECRET}", "rekindle.plugins.p.sign-name", "${SHOP_SIGN_NAME}",
                        "rekindle.plugins.p.timeout-seconds", "${TIMEOUT:15}")));

        Map<String, String> values = settings.forPlugin("p", DECLARED);

        assertEquals("SEC-env-987654", values.get("robot.secret"));
        assertEquals("15", values.get("timeout-seconds"));
        assertNull(values.get("sign-name"), "an unresolvable placeholder must not reach the plugin as text");
        PluginSettings.Bound sign = settings.bind("p", DECLARED).stream()
                .filter(b -> b.setting().name().equals("sign-name")).findFirst().orElseThrow();
        assertEquals("application.yml: ${SHOP_SIGN_NAME} is not set", sign.source());
    }
}
