package dev.rekindle.customer;

import java.util.Optional;

/**
 * A line another feature adds to {@code customers show} (predict adds the customer's outlook). The
 * customer package owns the profile but knows nothing of the features built on it, so they contribute
 * beans instead of being called from here.
 */
public interface ProfileLine {

    /** @return the line for this customer, empty when the feature has nothing to say about them */
    Optional<Line> about(Customer customer);

    /** A labelled field of the profile, e.g. {@code outlook  P(alive) 0.82 …}. */
    record Line(String label, String text) {
    }
}
