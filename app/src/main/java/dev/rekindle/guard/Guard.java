package dev.rekindle.guard;

import dev.rekindle.api.ChannelTraits;
import dev.rekindle.api.ContactKind;
import dev.rekindle.guard.ContactRules.Contact;
import dev.rekindle.guard.ContactRules.Facts;
import dev.rekindle.guard.ContactRules.Judgement;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Routes a customer when planning: the campaign's channels are tried in preference order and the first
 * that can carry the purpose, is installed, has the customer's contact data and passes every rule of
 * {@link ContactRules} wins; then the holdout is drawn. When no channel passes, the reason recorded is
 * the one of the channel that got furthest through the rules ("refused SMS" beats "no email address").
 */
@Component
public class Guard {

    /** A channel as planning sees it; {@code traits} null when no installed plugin provides it. */
    public record Route(String channel, ContactKind kind, ChannelTraits traits) {
    }

    private final ContactRules rules;

    public Guard(GuardPolicy policy) {
        this.rules = new ContactRules(policy);
    }

    public ContactRules rules() {
        return rules;
    }

    public Verdict choose(CampaignTerms campaign, Recipient recipient, List<Route> routes, Facts facts, LocalDateTime now) {
        // channels nobody installed are passed over, unless none of them is installed (a dry run needs no gateway)
        boolean anyInstalled = routes.stream().anyMatch(r -> r.traits() != null);
        Judgement.Skip best = null;
        String bestChannel = null;
        for (Route r : routes) {
            String address = recipient.address(r.kind());
            Judgement j = r.traits() == null && anyInstalled
                    ? new Judgement.Skip(SkipReason.NOT_INSTALLED, "no plugin provides channel " + r.channel(), 15)
                    : rules.judge(new Contact(recipient.customerId(), campaign.purpose(), r.channel(), r.kind(), r.traits(), address,
                            null), facts, now, ContactRules.Moment.PLANNING);
            if (j instanceof Judgement.Go) {
                // the control group is drawn only among customers who could otherwise be reached: a fair comparison
                return Holdout.isHeldOut(campaign.holdoutSeed(), recipient.customerId(), campaign.holdoutPct())
                        ? Verdict.skip(SkipReason.HOLDOUT, r.channel()) : Verdict.send(r.channel(), address);
            }
            if (j instanceof Judgement.Skip s && (best == null || s.rank() > best.rank())) {
                best = s;
                bestChannel = r.channel();
            }
        }
        return Verdict.skip(best == null ? SkipReason.NO_CONTACT : best.reason(), bestChannel);
    }

    /**
     * Re-checks one planned channel before rendering (dry run, preview): consents and contact data as they
     * are now. The holdout is never re-drawn; history rules (caps, occasion) are for the send to judge.
     */
    public Optional<SkipReason> recheck(CampaignTerms campaign, Recipient recipient, String channel, ContactKind kind) {
        Judgement j = rules.judge(new Contact(recipient.customerId(), campaign.purpose(), channel, kind, null, recipient.address(kind),
                null), Facts.consentsOnly(recipient.consents()), LocalDateTime.MIN, ContactRules.Moment.DRY_RUN);
        return j instanceof Judgement.Skip s ? Optional.of(s.reason()) : Optional.empty();
    }
}
