package dev.rekindle.guard;

import java.util.Optional;
import org.springframework.stereotype.Component;

/** No address for the channel's contact kind (no mobile, a masked or virtual number, no email…). */
@Component
class ContactRule implements GuardRule {

    @Override
    public int order() {
        return 100;
    }

    @Override
    public Optional<SkipReason> check(GuardCheck c) {
        String address = c.recipient().address(c.kind());
        return address == null || address.isBlank() ? Optional.of(SkipReason.NO_CONTACT) : Optional.empty();
    }
}
