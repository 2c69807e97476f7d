package dev.rekindle.campaign;

import java.time.LocalDate;

/** What the operator asked {@code campaigns plan} for; nulls mean "the default". */
public record PlanRequest(String strategy, String segment, String channel, Double holdoutPct, LocalDate asOf, String name) {
}
