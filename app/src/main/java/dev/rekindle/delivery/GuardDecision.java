package dev.rekindle.delivery;

import java.time.LocalDateTime;

/** What the guards say about one message right now. */
public sealed interface GuardDecision {

    /** Send it. */
    record Go() implements GuardDecision {
    }

    /** Never send it; {@code reason} is a short code (opted-out, cap:1/7d…), {@code detail} says why in words. */
    record Skip(String reason, String detail) implements GuardDecision {
    }

    /** Not now: quiet hours. The message waits until {@code until}. */
    record Defer(LocalDateTime until, String detail) implements GuardDecision {
    }

    GuardDecision GO = new Go();
}
