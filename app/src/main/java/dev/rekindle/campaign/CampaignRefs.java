package dev.rekindle.campaign;

import dev.rekindle.i18n.Tr;
import dev.rekindle.console.UsageException;
import dev.rekindle.console.UserException;
import dev.rekindle.shop.ShopProfile;
import dev.rekindle.strategy.StrategyRegistry;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * How commands name a campaign: its number ({@code 42}), or a strategy id meaning today's plan of that
 * strategy ({@code dormancy-reminder}) — what a daily script knows without reading the plan's output.
 */
@Component
public class CampaignRefs {

    private final CampaignRepository campaigns;
    private final ShopProfile shop;
    private final ObjectProvider<StrategyRegistry> strategies;

    public CampaignRefs(CampaignRepository campaigns, ShopProfile shop, ObjectProvider<StrategyRegistry> strategies) {
        this.campaigns = campaigns;
        this.shop = shop;
        this.strategies = strategies;
    }

    /**
     * For send and resume: a campaign number must exist; a strategy id means today's plan of it, and when
     * there is none (nobody qualified today, so no campaign was made) there is simply nothing to send.
     */
    public Optional<Campaign> resolveForSending(String ref) {
        if (ref != null && !ref.isBlank() && !ref.strip().matches("\\d{1,18}")) {
            Optional<Campaign> today = campaigns.latestOf(ref.strip(), shop.today());
            if (today.isEmpty()) {
                strategies.getObject().require(ref.strip()); // a typo in a cron script must fail, not pass as "nothing to do"
            }
            return today;
        }
        return Optional.of(resolve(ref));
    }

    public Campaign resolve(String ref) {
        if (ref == null || ref.isBlank()) {
            throw new UsageException(Tr.t("missing ID: a campaign number, or a strategy id for today's plan of it"));
        }
        String r = ref.strip();
        if (r.matches("\\d{1,18}")) {
            return campaigns.find(Long.parseLong(r))
                    .orElseThrow(() -> new UserException(Tr.f("no campaign %s. See campaigns list", r)));
        }
        return campaigns.latestOf(r, shop.today()).orElseThrow(() -> new UserException(Tr.f(
                "no campaign of strategy '%s' was planned today (%s). Plan it first: campaigns plan %s", r, shop.today(), r)));
    }
}
