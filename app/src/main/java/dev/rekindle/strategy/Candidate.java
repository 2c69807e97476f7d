package dev.rekindle.strategy;

import dev.rekindle.api.CustomerView;
import dev.rekindle.guard.Recipient;

/** One customer read for planning: what the strategy may see, and what the guard needs. */
public record Candidate(CustomerView view, Recipient recipient) {
}
