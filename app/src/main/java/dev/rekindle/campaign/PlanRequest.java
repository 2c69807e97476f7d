package dev.rekindle.campaign;

import java.time.LocalDate;

/**
 * What the operator asked {@code campaigns plan} for; nulls mean "the default".
 *
 * @param again plan anew even when the same plan was already made today (otherwise that one is reused)
 */
public record PlanRequest(String strategy, String segment, String channel, Double holdoutPct, LocalDate asOf, String name,
        boolean again) {

    public PlanRequest(String strategy, String segment, String channel, Double holdoutPct, LocalDate asOf, String name) {
        this(strategy, segment, channel, holdoutPct, asOf, name, false);
    }
}
