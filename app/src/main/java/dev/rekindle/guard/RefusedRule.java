package dev.rekindle.guard;

import java.util.Optional;
import org.springframework.stereotype.Component;

/** The customer refused this channel (replied T, unsubscribed): honoured for care messages too. */
@Component
class RefusedRule implements GuardRule {

    @Override
    public int order() {
        return 300;
    }

    @Override
    public Optional<SkipReason> check(GuardCheck c) {
        return Boolean.FALSE.equals(c.recipient().consents().get(c.consentChannel()))
                ? Optional.of(SkipReason.REFUSED) : Optional.empty();
    }
}
