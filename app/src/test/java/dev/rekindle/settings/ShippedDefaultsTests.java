package dev.rekindle.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekindle.shell.BadSetting;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * The shipped application.yml is the one place of the defaults: every typed setting gets a value from it
 * alone, and a wrong value is reported with its key, the value and what it should look like.
 */
class ShippedDefaultsTests {

    @Test
    void everyTypedSettingHasItsDefaultInTheShippedYml() throws Exception {
        Binder shipped = shippedOnly();
        List<String> missing = new ArrayList<>();
        List<Class<?>> records = settingsRecords();
        for (Class<?> type : records) {
            String prefix = type.getAnnotation(ConfigurationProperties.class).value();
            // as @ConfigurationProperties binds: rekindle.db (a path) is no value for the record under rekindle.db
            Object bound = shipped.bindOrCreate(prefix, org.springframework.boot.context.properties.bind.Bindable.of(type)
                    .withBindRestrictions(org.springframework.boot.context.properties.bind.Bindable.BindRestriction.NO_DIRECT_PROPERTY));
            nulls(prefix, bound, missing);
        }
        assertThat(records).as("the records found").hasSizeGreaterThanOrEqualTo(15);
        // the deprecated key is not shipped: the pool size is spring.datasource.hikari.maximum-pool-size
        assertThat(missing).containsExactly("rekindle.db.pool-size");
        assertThat(shipped.bind("spring.datasource.hikari.maximum-pool-size", Integer.class).get()).isEqualTo(4);
    }

    @Test
    void theDeliveryDefaultsOfHandBuiltTestEnginesAreTheShippedOnes() throws IOException {
        var shipped = shippedOnly().bind("rekindle.delivery", dev.rekindle.delivery.DeliveryProperties.class).get();
        assertThat(dev.rekindle.delivery.DeliveryPolicy.from(shipped)).isEqualTo(dev.rekindle.delivery.DeliveryPolicy.defaults());
    }

    @Test
    void theOperatorsChapterListsEveryShippedKey() throws IOException {
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("../docs/operator/configuration.md"));
        var yml = new YamlPropertySourceLoader().load("shipped", new ClassPathResource("application.yml")).get(0);
        List<String> missing = new ArrayList<>();
        for (String key : ((org.springframework.core.env.EnumerablePropertySource<?>) yml).getPropertyNames()) {
            if (key.startsWith("rekindle.") && !doc.contains("`" + key + "`")) missing.add(key);
        }
        assertThat(missing).as("keys of application.yml missing from docs/operator/configuration.md").isEmpty();
    }

    @Test
    void aWrongValueNamesTheKeyTheValueAndWhatFits() {
        assertThat(bindError("rekindle.predict", dev.rekindle.predict.PredictProperties.class, "rekindle.predict.model", "nbd"))
                .contains("rekindle.predict.model", "'nbd'", "mbg-nbd, bg-nbd");
        assertThat(bindError("rekindle.delivery.retry", dev.rekindle.delivery.DeliveryProperties.Retry.class,
                "rekindle.delivery.retry.base-ms", "soon"))
                .contains("rekindle.delivery.retry.base-ms", "'soon'", "a duration such as 200ms");
        assertThat(bindError("rekindle", dev.rekindle.metrics.MetricsProperties.class, "rekindle.purchase-occasion", "week"))
                .contains("rekindle.purchase-occasion", "'week'", "order, day");
        assertThat(bindError("rekindle.import", dev.rekindle.imports.ImportProperties.class, "rekindle.import.cache-mb", "lots"))
                .contains("rekindle.import.cache-mb", "'lots'", "a size such as");
    }

    @Test
    void quietHoursThatDoNotParseNameTheKey() {
        var d = new dev.rekindle.delivery.DeliveryProperties(8, Map.of(),
                new dev.rekindle.delivery.DeliveryProperties.Retry(5, java.time.Duration.ofMillis(500), java.time.Duration.ofSeconds(30)),
                10, "22-07", new dev.rekindle.delivery.DeliveryProperties.Caps("1/7d", "2/7d"), Map.of(), Map.of(), 3,
                new dev.rekindle.delivery.DeliveryProperties.Reconcile(java.time.Duration.ofMinutes(2)),
                java.time.Duration.ofSeconds(30), java.time.Duration.ofSeconds(60));
        var e = org.junit.jupiter.api.Assertions.assertThrows(dev.rekindle.console.UserException.class,
                () -> dev.rekindle.delivery.DeliveryPolicy.from(d));
        assertThat(e.getMessage()).contains("rekindle.delivery.quiet-hours = '22-07'");
    }

    @Test
    void aBareNumberIsInTheUnitTheKeyNames() {
        var retry = new Binder(new MapConfigurationPropertySource(Map.of("r.max-attempts", "2", "r.base-ms", "250", "r.max-ms", "2s")))
                .bind("r", dev.rekindle.delivery.DeliveryProperties.Retry.class).get();
        assertThat(retry.baseMs().toMillis()).isEqualTo(250);
        assertThat(retry.maxMs().toMillis()).isEqualTo(2000);
        var imports = new Binder(new MapConfigurationPropertySource(Map.of("i.cache-mb", "64")))
                .bind("i", dev.rekindle.imports.ImportProperties.class).get();
        assertThat(imports.cacheMb().toMegabytes()).isEqualTo(64);
    }

    @Test
    void segmentStagesThatDoNotParseNameTheKey() {
        var props = new dev.rekindle.segment.SegmentProperties(0, "quintiles", "abc", "", 3);
        org.junit.jupiter.api.Assertions.assertThrows(dev.rekindle.console.UserException.class,
                () -> new dev.rekindle.segment.SegmentConfig(props));
        try {
            new dev.rekindle.segment.SegmentConfig(props);
        } catch (dev.rekindle.console.UserException e) {
            assertThat(e.getMessage()).contains("rekindle.segments.stages = 'abc'").contains("four day counts");
        }
    }

    private static String bindError(String prefix, Class<?> type, String key, String value) {
        Binder b = new Binder(new MapConfigurationPropertySource(Map.of(key, value)));
        try {
            b.bind(prefix, type);
        } catch (BindException e) {
            return BadSetting.explain(e).orElseThrow();
        }
        throw new AssertionError(key + "=" + value + " was accepted");
    }

    private static Binder shippedOnly() throws IOException {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        env.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        new YamlPropertySourceLoader().load("shipped", new ClassPathResource("application.yml"))
                .forEach(env.getPropertySources()::addLast);
        return Binder.get(env);
    }

    private static List<Class<?>> settingsRecords() throws ClassNotFoundException {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        List<Class<?>> out = new ArrayList<>();
        for (var bd : scanner.findCandidateComponents("dev.rekindle")) {
            out.add(Class.forName(bd.getBeanClassName()));
        }
        return out;
    }

    private static void nulls(String prefix, Object value, List<String> missing) throws Exception {
        for (RecordComponent c : value.getClass().getRecordComponents()) {
            String key = prefix + "." + dashed(c.getName());
            Object v = c.getAccessor().invoke(value);
            if (v == null) {
                missing.add(key);
            } else if (v.getClass().isRecord()) {
                nulls(key, v, missing);
            }
        }
    }

    private static String dashed(String name) {
        return name.replaceAll("([A-Z])", "-$1").toLowerCase();
    }
}
