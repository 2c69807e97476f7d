package dev.rekindle.segment;

import dev.rekindle.i18n.Tr;
import java.time.LocalDate;

/**
 * One stored snapshot: its id, as-of date, when it was made, the settings and score cuts it used (JSON),
 * and how many customers it holds.
 */
public record Snapshot(long id, LocalDate asOf, String createdAt, String settings, long customers) {

    /** "snapshot #12 as of 2025-01-01": how output names the snapshot it used. */
    public String describe() {
        return Tr.f("snapshot #%d as of %s", id, asOf);
    }
}
