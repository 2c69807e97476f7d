package dev.rekindle.guard;

import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The control group, drawn last: only customers who could otherwise be reached are held out, so that
 * contacted and held-out customers compare fairly. Drawn when planning and recorded; never re-drawn.
 */
@Component
class HoldoutRule implements GuardRule {

    @Override
    public int order() {
        return 900;
    }

    @Override
    public Optional<SkipReason> check(GuardCheck c) {
        if (c.moment() != GuardCheck.Moment.PLANNING) {
            return Optional.empty();
        }
        CampaignTerms t = c.campaign();
        return Holdout.isHeldOut(t.holdoutSeed(), c.recipient().customerId(), t.holdoutPct())
                ? Optional.of(SkipReason.HOLDOUT) : Optional.empty();
    }
}
