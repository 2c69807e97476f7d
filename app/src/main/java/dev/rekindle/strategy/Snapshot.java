package dev.rekindle.strategy;

import java.time.LocalDate;

/** A segmentation snapshot (the segment feature's {@code snapshots} table): what stage/RFM data is as of when. */
public record Snapshot(long id, LocalDate asOf, long customers) {
}
