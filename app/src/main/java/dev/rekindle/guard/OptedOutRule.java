package dev.rekindle.guard;

import java.util.Optional;
import org.springframework.stereotype.Component;

/** The customer asked not to be contacted at all (a refusal recorded for channel '*'): care included. */
@Component
class OptedOutRule implements GuardRule {

    @Override
    public int order() {
        return 200;
    }

    @Override
    public Optional<SkipReason> check(GuardCheck c) {
        return Boolean.FALSE.equals(c.recipient().consents().get("*")) ? Optional.of(SkipReason.OPTED_OUT) : Optional.empty();
    }
}
