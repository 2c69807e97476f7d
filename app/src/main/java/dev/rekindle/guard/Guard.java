package dev.rekindle.guard;

import dev.rekindle.api.ContactKind;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Decides, per customer, send on which channel or skip with which reason. Channels are tried in the
 * campaign's preference order; the first that passes every rule wins. When none passes, the reason
 * reported is the one from the channel that got furthest through the rules.
 */
@Component
public class Guard {

    private final List<GuardRule> rules;

    public Guard(List<GuardRule> rules) {
        this.rules = rules.stream().sorted(Comparator.comparingInt(GuardRule::order)).toList();
    }

    public List<GuardRule> rules() {
        return rules;
    }

    public Verdict choose(CampaignTerms campaign, Recipient recipient, List<String> channels,
            Function<String, ContactKind> kindOf, GuardCheck.Moment moment) {
        SkipReason best = null;
        String bestChannel = null;
        int bestOrder = Integer.MIN_VALUE;
        for (String channel : channels) {
            ContactKind kind = kindOf.apply(channel);
            GuardCheck check = new GuardCheck(campaign, recipient, channel, kind, StandardChannels.standardFor(kind), moment);
            Optional<RuleFailure> failure = firstFailure(check);
            if (failure.isEmpty()) {
                return Verdict.send(channel, recipient.address(kind));
            }
            if (failure.get().order() > bestOrder) {
                bestOrder = failure.get().order();
                best = failure.get().reason();
                bestChannel = channel;
            }
        }
        return Verdict.skip(best == null ? SkipReason.NO_CONTACT : best, bestChannel);
    }

    /** Re-checks one planned channel (e.g. before rendering or sending): opt-outs since planning count. */
    public Optional<SkipReason> recheck(CampaignTerms campaign, Recipient recipient, String channel, ContactKind kind) {
        GuardCheck check = new GuardCheck(campaign, recipient, channel, kind, StandardChannels.standardFor(kind),
                GuardCheck.Moment.DELIVERY);
        return firstFailure(check).map(RuleFailure::reason);
    }

    private record RuleFailure(int order, SkipReason reason) {
    }

    private Optional<RuleFailure> firstFailure(GuardCheck check) {
        for (GuardRule rule : rules) {
            Optional<SkipReason> r = rule.check(check);
            if (r.isPresent()) {
                return Optional.of(new RuleFailure(rule.order(), r.get()));
            }
        }
        return Optional.empty();
    }
}
