package dev.rekindle.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a campaign's delivery stands: rows per state, skips by reason, failures by code, the last run.
 * A campaign is finished only when a run has read its whole message source and no row is still open
 * (pending, deferred, sending or unknown).
 */
public record DeliveryStatus(long campaignId, Map<DeliveryState, Long> counts, Map<String, Long> skipped,
        Map<String, Long> failed, Map<String, Long> pending, Optional<DeliveryRuns.Run> lastRun, boolean sourceRead,
        long sentInLastRun, String nextDue) {

    public static DeliveryStatus of(long campaignId, DeliveryLedger ledger, DeliveryRuns runs, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        Optional<DeliveryRuns.Run> last = runs.lastSend(campaignId);
        long sentInLast = last.map(r -> jdbc.sql("SELECT count(*) FROM deliveries WHERE run_id = ? AND state = 'sent'")
                .param(r.id()).query(Long.class).single()).orElse(0L);
        return new DeliveryStatus(campaignId, ledger.counts(campaignId), ledger.reasons(campaignId, DeliveryState.SKIPPED),
                ledger.reasons(campaignId, DeliveryState.FAILED), ledger.reasons(campaignId, DeliveryState.PENDING), last,
                runs.everComplete(campaignId), sentInLast, ledger.nextDue(campaignId).orElse(null));
    }

    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    public long open() {
        return counts.get(DeliveryState.PENDING) + counts.get(DeliveryState.DEFERRED) + counts.get(DeliveryState.SENDING)
                + counts.get(DeliveryState.UNKNOWN);
    }

    /** Targets the ledger has no row for yet (a run stopped before reading them). */
    public long unread(long targets) {
        return Math.max(0, targets - total());
    }

    /** The open rows by state, e.g. "pending 3, unknown 1". */
    public String openSummary() {
        StringBuilder sb = new StringBuilder();
        for (DeliveryState st : List.of(DeliveryState.PENDING, DeliveryState.DEFERRED, DeliveryState.UNKNOWN, DeliveryState.SENDING)) {
            long n = counts.get(st);
            if (n > 0) sb.append(sb.length() == 0 ? "" : ", ").append(st.db()).append(' ').append(n);
        }
        return sb.length() == 0 ? "unread" : sb.toString();
    }

    public boolean finished() {
        return sourceRead && open() == 0;
    }

    /** Messages sent per second by the last send or resume run, or 0. */
    public double lastRunRate() {
        return lastRun.filter(r -> r.finishedAt() != null).map(r -> {
            Duration d = Duration.between(DeliveryLedger.parseTime(r.startedAt()), DeliveryLedger.parseTime(r.finishedAt()));
            return sentInLastRun / (double) Math.max(1, d.toSeconds());
        }).orElse(0.0);
    }
}
