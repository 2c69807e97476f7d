package dev.rekindle.strategy;

import java.time.LocalDate;

/** A segmentation snapshot (issue 4's {@code snapshots} table): what stage/RFM data is as of when. */
public record Snapshot(long id, LocalDate asOf, long customers) {
}
