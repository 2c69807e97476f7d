package dev.rekindle.guard;

import java.util.Optional;

/**
 * One reason not to send. Implementations are Spring beans; the guard evaluates them in {@link #order()}
 * (lower first). When every channel of a customer fails, the reported reason is the one from the channel
 * that got furthest (highest order), so "refused SMS" wins over "no email address".
 */
public interface GuardRule {

    int order();

    /** Empty when this rule lets the message through. */
    Optional<SkipReason> check(GuardCheck check);
}
