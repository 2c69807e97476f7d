package dev.rekindle.delivery;

import dev.rekindle.api.Channel;
import dev.rekindle.channel.SendRates;
import org.springframework.stereotype.Component;

/** The channel's rate as the delivery policy applies it: the configured or default rate, and the per-sender limit. */
@Component
class PolicySendRates implements SendRates {

    private final DeliveryPolicy policy;

    PolicySendRates(DeliveryPolicy policy) {
        this.policy = policy;
    }

    @Override
    public String describe(Channel c) {
        String s = policy.rateFor(c.id(), c.traits().defaultRatePerSecond()).toString();
        if (c.senderRatePerSecond() > 0) s += "; " + RateSpec.perSecond(c.senderRatePerSecond()) + " per sender";
        return s;
    }
}
