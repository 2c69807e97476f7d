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

    private final Environment env;

    public Holdouts(Environment env) {
        this.env = env;
    }

    public double defaultFor(String strategy, Purpose purpose) {
        String key = "rekindle.campaigns.strategy-holdout." + strategy;
        String own = env.getProperty(key);
        if (own == null) {
            key = purpose == Purpose.CARE ? "rekindle.campaigns.care-holdout" : "rekindle.campaigns.holdout";
            own = env.getProperty(key, purpose == Purpose.CARE ? "0" : "10");
        }
        try {
            double pct = Double.parseDouble(own.strip());
            if (pct < 0 || pct > 90) throw new NumberFormatException();
            return pct;
        } catch (NumberFormatException e) {
            throw new UserException(Tr.f("%s must be a percentage from 0 to 90, got '%s'", key, own));
        }
    }
}
