package dev.rekindle.campaign;

import dev.rekindle.console.ValueCompleter;
import dev.rekindle.strategy.RegisteredStrategy;
import dev.rekindle.strategy.StrategyRegistry;
import dev.rekindle.template.TemplateCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** TAB completion of strategy ids, template names and campaign numbers where commands take them. */
@Component
class CampaignCompletions implements ValueCompleter {

    private static final Set<String> CAMPAIGN_ARG = Set.of("campaigns show", "campaigns preview", "campaigns dry-run",
            "campaigns send", "campaigns resume", "campaigns status", "campaigns reconcile", "campaigns report");
    private static final Set<String> BY_STRATEGY_TOO = Set.of("campaigns send", "campaigns resume", "campaigns status",
            "campaigns reconcile");

    private final ObjectProvider<StrategyRegistry> strategies;
    private final ObjectProvider<TemplateCatalog> templates;
    private final CampaignRepository campaigns;

    CampaignCompletions(ObjectProvider<StrategyRegistry> strategies, ObjectProvider<TemplateCatalog> templates,
            CampaignRepository campaigns) {
        this.strategies = strategies;
        this.templates = templates;
        this.campaigns = campaigns;
    }

    @Override
    public List<String> values(String command, String slot) {
        List<String> values = new ArrayList<>();
        boolean firstArg = slot.equals("arg0");
        if (firstArg && (command.equals("campaigns plan") || command.equals("strategies show")
                || BY_STRATEGY_TOO.contains(command))) {
            strategies.getObject().all().stream().map(RegisteredStrategy::id).forEach(values::add);
        }
        if (firstArg && CAMPAIGN_ARG.contains(command)) {
            campaigns.list(30).forEach(c -> values.add(String.valueOf(c.id())));
        }
        if (firstArg && (command.equals("templates validate") || command.equals("templates preview"))) {
            values.addAll(templates.getObject().folders());
            templates.getObject().list().forEach(f -> values.add(f.name().replaceFirst("\\.ftl$", "")));
        }
        if (slot.equals("campaign")) {
            campaigns.list(30).forEach(c -> values.add(String.valueOf(c.id())));
        }
        return values;
    }
}
