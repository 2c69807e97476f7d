package dev.rekindle.plugintest.dryrun;

import dev.rekindle.api.CustomerView;
import dev.rekindle.api.Decision;
import dev.rekindle.api.PlanContext;
import dev.rekindle.api.Purpose;
import dev.rekindle.api.Setting;
import dev.rekindle.api.Strategy;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The strategy the channel kit plans its dry run with: every customer, one care message, through the
 * channel under test (setting {@code channel}). Not an {@code @Extension} of the kit's own jar: the kit
 * writes it into a plugin jar of its own ({@link DryRunPlugin}), so that the host loads it as any plugin.
 */
public class KitDryRunStrategy implements Strategy {

    public static final String ID = "kit-dry-run";

    private String channel = "sms";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Every customer, one care message (rekindle-plugin-test's dry run)";
    }

    @Override
    public Purpose purpose() {
        return Purpose.CARE;
    }

    @Override
    public String targets() {
        return "every customer";
    }

    @Override
    public List<String> channels() {
        return List.of(channel);
    }

    @Override
    public List<Setting> declaredSettings() {
        return List.of(Setting.named("channel").description("the channel under test").build());
    }

    @Override
    public void configure(Map<String, String> settings) {
        channel = settings.getOrDefault("channel", channel).trim();
    }

    @Override
    public Map<String, String> settings() {
        return Map.of("channel", channel);
    }

    @Override
    public Optional<Decision> decide(CustomerView customer, PlanContext context) {
        return Optional.of(Decision.contact(channels()));
    }
}
