package dev.rekindle.report.campaign;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** What the report needs to know about one campaign row. */
public record CampaignFacts(long id, String name, String strategy, String status, LocalDate asOf,
        LocalDateTime plannedAt, LocalDateTime sentAtColumn, Long snapshotId) {
}
