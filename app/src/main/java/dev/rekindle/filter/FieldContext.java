package dev.rekindle.filter;

import java.time.LocalDate;

/**
 * What a field's SQL may depend on: the snapshot being filtered and its as-of date (ages, "bought before
 * the as-of date"). In the SQL, {@code c} is the customers row and {@code cs} the customer's row of that
 * snapshot.
 */
public record FieldContext(long snapshotId, LocalDate asOf) {

    /** The first day after the as-of date: {@code created_at < ?} keeps the purchases up to the as-of date. */
    public String endOfAsOf() {
        return asOf.plusDays(1).toString();
    }
}
