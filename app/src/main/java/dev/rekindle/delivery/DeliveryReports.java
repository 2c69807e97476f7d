package dev.rekindle.delivery;

import java.util.Map;
import java.util.stream.Collectors;

/** The operator's view of a run, a campaign's delivery status and a reconcile, as plain text. */
public final class DeliveryReports {

    private DeliveryReports() {
    }

    public static String run(SendReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("Campaign %d, run %d: %,d message(s) read%s in %.1f s.%n", r.campaignId(), r.runId(), r.streamed(),
                r.complete() ? " (all)" : "", r.took().toMillis() / 1000.0));
        line(sb, "sent", r.sent(), String.format("%.0f/s", r.sentPerSecond()));
        line(sb, "failed", r.failed(), "permanent: the provider refused them (codes in the status)");
        line(sb, "unknown", r.unknown(), "no answer after sending: never re-sent automatically; reconcile them");
        line(sb, "pending", r.pending(), "still failing after retries: a resume sends them");
        line(sb, "deferred", r.deferred(), "quiet hours" + (r.nextDue() == null ? "" : ": due " + r.nextDue()));
        line(sb, "not due", r.notDue(), "waiting" + (r.nextDue() == null ? "" : " until " + r.nextDue()));
        line(sb, "skipped", r.skippedTotal(), reasons(r.skipped()));
        long already = r.already().values().stream().mapToLong(Long::longValue).sum();
        line(sb, "done before", already, reasons(r.already()));
        if (r.retries() > 0) line(sb, "retries", r.retries(), "transient failures tried again");
        if (r.stopped() != null) {
            sb.append("Stopped early: ").append(r.stopped()).append(".\nNothing was lost: what was not sent is pending or unread; fix the cause and resume.\n");
        }
        return sb.toString().stripTrailing();
    }

    public static String status(DeliveryStatus s) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("Campaign %d: %,d recipient row(s) — %s%n", s.campaignId(), s.total(),
                s.finished() ? "finished" : !s.sourceRead() ? "not every message read yet (send or resume)" : s.open() + " still open"));
        s.counts().forEach((state, n) -> {
            if (n > 0) {
                String why = switch (state) {
                    case SKIPPED -> reasons(s.skipped());
                    case FAILED -> reasons(s.failed());
                    case PENDING -> reasons(s.pending());
                    case DEFERRED -> s.nextDue() == null ? "" : "due " + s.nextDue();
                    case UNKNOWN -> "reconcile them: the provider's status query, or your choice";
                    case SENDING -> "being handed to a channel now (or by a run that died: the next run marks them unknown)";
                    default -> "";
                };
                line(sb, state.db(), n, why);
            }
        });
        s.lastRun().ifPresent(r -> sb.append(String.format("Last run %d (%s): started %s, %s; %,d read%s; %.1f sent/s%n", r.id(), r.kind(),
                r.startedAt(), r.finishedAt() == null ? "still running (heartbeat " + r.heartbeatAt() + ")" : "ended " + r.finishedAt()
                        + " — " + r.outcome(), r.streamed(), r.complete() ? " (all)" : "", s.lastRunRate())));
        return sb.toString().stripTrailing();
    }

    public static String reconcile(long campaignId, UnknownOutcomes.Report r) {
        if (r.total() == 0) return "Campaign " + campaignId + ": no unknown deliveries.";
        StringBuilder sb = new StringBuilder(String.format("Campaign %d: %,d unknown deliveries looked at.%n", campaignId, r.total()));
        line(sb, "sent", r.sent(), "the provider has them");
        line(sb, "failed", r.failed(), "the provider has them as failed");
        line(sb, "to resend", r.resend(), "the provider never received them: the next resume sends them once");
        line(sb, "still unknown", r.stillUnknown(), "the provider cannot tell yet: reconcile again later");
        line(sb, "too recent", r.tooRecent(), "sent moments ago: reconcile again in a few minutes");
        line(sb, "your choice", r.needDecision(), "the channel has no status query: decide with --mark sent|resend|failed");
        line(sb, "not in source", r.notInSource(), "the campaign no longer produces them: decide with --mark");
        return sb.toString().stripTrailing();
    }

    private static void line(StringBuilder sb, String label, long n, String note) {
        if (n == 0) return;
        sb.append(String.format("  %-12s %,8d  %s", label, n, note == null ? "" : note).stripTrailing()).append('\n');
    }

    private static String reasons(Map<String, Long> m) {
        return m.entrySet().stream().filter(e -> e.getValue() > 0).map(e -> (e.getKey().isEmpty() ? "?" : e.getKey()) + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
