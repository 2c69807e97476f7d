package dev.rekindle.campaign;

import dev.rekindle.api.Purpose;
import dev.rekindle.i18n.Tr;
import dev.rekindle.console.UserException;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The holdout a plan gets when the operator gives no {@code --holdout}: per strategy
 * ({@code rekindle.campaigns.strategy-holdout.<id>}), else by purpose — marketing keeps a control group
 * ({@code rekindle.campaigns.holdout}, 10 %) to prove what it brings; care (birthdays, thanks, holidays)
 * reaches everyone ({@code rekindle.campaigns.care-holdout}, 0 %): nobody misses their birthday greeting
 * for a measurement.
 */
@Component
public class Holdouts {

    private final CampaignProperties settings;

    public Holdouts(CampaignProperties settings) {
        this.settings = settings;
    }

    public double defaultFor(String strategy, Purpose purpose) {
        String key = "rekindle.campaigns.strategy-holdout." + strategy;
        Double pct = settings.strategyHoldout().get(strategy);
        if (pct == null) {
            key = purpose == Purpose.CARE ? "rekindle.campaigns.care-holdout" : "rekindle.campaigns.holdout";
            pct = purpose == Purpose.CARE ? settings.careHoldout() : settings.holdout();
        }
        if (!(pct >= 0 && pct <= 90)) {
            throw new UserException(Tr.f("%s must be a percentage from 0 to 90, got '%s'", key, pct));
        }
        return pct;
    }
}
