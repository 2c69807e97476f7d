package dev.rekindle.guard;

import dev.rekindle.api.Purpose;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Marketing needs a recorded consent on the channel (or on '*') for the channels listed in
 * {@code rekindle.guard.marketing-consent} (default sms, email, wechat). Care messages do not.
 */
@Component
class ConsentRule implements GuardRule {

    private final Set<String> channels;

    ConsentRule(@Value("${rekindle.guard.marketing-consent:sms,email,wechat}") String channels) {
        this.channels = Arrays.stream(channels.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public int order() {
        return 400;
    }

    @Override
    public Optional<SkipReason> check(GuardCheck c) {
        if (c.campaign().purpose() != Purpose.MARKETING || !channels.contains(c.consentChannel())) {
            return Optional.empty();
        }
        boolean granted = Boolean.TRUE.equals(c.recipient().consents().get(c.consentChannel()))
                || Boolean.TRUE.equals(c.recipient().consents().get("*"));
        return granted ? Optional.empty() : Optional.of(SkipReason.NO_CONSENT);
    }
}
