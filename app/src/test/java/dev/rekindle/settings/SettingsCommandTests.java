package dev.rekindle.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.rekindle.support.ShellTestSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import dev.rekindle.console.Table;
import dev.rekindle.console.TextWidth;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * {@code settings} against a real app context: a value from a -D option, values from environment variables
 * (an environment source like the real one, with variables of our own), one from rekindle.yml in the data
 * folder, shipped defaults, a secret masked,
 * and the deprecated pool-size key still sizing Boot's pool.
 */
@ContextConfiguration(initializers = SettingsCommandTests.Environment.class)
@TestPropertySource(properties = "rekindle.db.pool-size=2")
class SettingsCommandTests extends ShellTestSupport {

    /** The process environment plus the variables an operator would export. */
    static class Environment implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            var sources = context.getEnvironment().getPropertySources();
            Map<String, Object> vars = new HashMap<>(System.getenv());
            vars.put("REKINDLE_SHOP_NAME", "环境小店");
            vars.put("REKINDLE_DELIVERY_CONCURRENCY", "3");
            vars.put("REKINDLE_PLUGINS_CHANNEL_DINGTALK_ROBOT_SECRET", "SEC-do-not-print");
            String name = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
            sources.replace(name, new SystemEnvironmentPropertySource(name, vars));
        }
    }

    @Autowired
    private DataSource dataSource;

    private static Path dataDir;

    /** The operator's settings file in the data folder, read when the app starts. */
    @BeforeAll
    static void settingsFileInTheDataFolder() throws IOException {
        dataDir = Files.createTempDirectory("rekindle-settings");
        Files.writeString(dataDir.resolve("rekindle.yml"), """
                rekindle:
                  shop:
                    signature: 文件小店
                """);
        System.setProperty("rekindle.data-dir", dataDir.toString());
    }

    @AfterAll
    static void noDataDir() {
        System.clearProperty("rekindle.data-dir");
    }

    @BeforeEach
    void dashD() {
        System.setProperty("rekindle.predict.margin", "0.35");
    }

    @AfterEach
    void noDashD() {
        System.clearProperty("rekindle.predict.margin");
    }

    @Test
    void namesWhereEachValueCameFromAndMasksSecrets() {
        Result r = run("settings");

        assertThat(r.exit()).as(r.all()).isZero();
        // on screen: fitted to 120 columns (the datasource URL alone is wider), so a long value wraps in its column
        r.out().lines().forEach(l -> assertThat(TextWidth.of(l)).as(l).isLessThanOrEqualTo(Table.SCREEN));
        assertThat(line(r.out(), "rekindle.plugins.channel.dingtalk.robot.secret")).contains("****");
        assertThat(r.all()).doesNotContain("SEC-do-not-print");
        // where each came from, one line per setting as scripts read it
        Result csv = run("settings --format csv");
        assertThat(line(csv.out(), "rekindle.predict.margin,")).contains("0.35").contains("-D");
        assertThat(line(csv.out(), "rekindle.shop.name,")).contains("环境小店").contains("environment REKINDLE_SHOP_NAME");
        assertThat(line(csv.out(), "rekindle.delivery.concurrency,")).contains("3").contains("environment REKINDLE_DELIVERY_CONCURRENCY");
        assertThat(line(csv.out(), "rekindle.segments.stages,")).contains("90,180,270,365").contains("default (application.yml in Rekindle)");
        assertThat(line(csv.out(), "rekindle.shop.signature,")).contains("文件小店")
                .contains(dataDir.resolve("rekindle.yml").toString() + ":3");
        assertThat(line(csv.out(), "rekindle.plugins.channel.dingtalk.robot.secret,")).contains("****");
        assertThat(csv.all()).doesNotContain("SEC-do-not-print");
        assertThat(line(csv.out(), "spring.datasource.url,")).contains("jdbc:sqlite:").contains("test.db");
    }

    @Test
    void theEffectiveValuesAreTheOnesTheAppUses() {
        assertThat(run("status").out()).contains("环境小店");
        assertThat(((HikariDataSource) dataSource).getMaximumPoolSize()).as("the deprecated rekindle.db.pool-size").isEqualTo(2);
    }

    @Test
    void filtersByPrefixAndPrintsJson() {
        Result r = run("settings delivery.retry --format json");

        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.out()).contains("\"rekindle.delivery.retry.base-ms\"").contains("\"rekindle.delivery.retry.max-attempts\"")
                .doesNotContain("rekindle.shop");
        assertThat(run("settings no-such-thing").out()).contains("No setting starts with 'no-such-thing'");
    }

    private static String line(String out, String start) {
        return out.lines().filter(l -> l.startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no line for " + start.strip() + " in:\n" + out));
    }
}
