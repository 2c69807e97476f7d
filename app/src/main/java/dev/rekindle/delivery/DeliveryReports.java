package dev.rekindle.delivery;

import dev.rekindle.console.TextWidth;
import dev.rekindle.i18n.Tr;
import java.util.Map;
import java.util.stream.Collectors;

/** The operator's view of a run, a campaign's delivery status and a reconcile, as plain text. */
public final class DeliveryReports {

    private DeliveryReports() {
    }

    public static String run(SendReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append(Tr.f("Campaign %d, run %d: %,d message(s) read%s in %.1f s.", r.campaignId(), r.runId(), r.streamed(),
                r.complete() ? Tr.t(" (all)") : "", r.took().toMillis() / 1000.0)).append('\n');
        line(sb, Tr.t("sent"), r.sent(), String.format("%.0f/s", r.sentPerSecond()));
        line(sb, Tr.t("failed"), r.failed(), Tr.t("permanent: the provider refused them (codes in the status)"));
        line(sb, Tr.t("unknown"), r.unknown(), Tr.t("no answer after sending: never re-sent automatically; reconcile them"));
        line(sb, Tr.t("pending"), r.pending(), Tr.t("still failing after retries: a resume sends them"));
        line(sb, Tr.t("waiting"), r.notReadyTotal(), Tr.f("channel not ready (%s): pending until a send or resume finds it ready",
                String.join(", ", r.notReady().keySet())));
        line(sb, Tr.t("deferred"), r.deferred(), r.nextDue() == null ? Tr.t("quiet hours") : Tr.f("quiet hours: due %s", r.nextDue()));
        line(sb, Tr.t("not due"), r.notDue(), r.nextDue() == null ? Tr.t("waiting") : Tr.f("waiting until %s", r.nextDue()));
        line(sb, Tr.t("skipped"), r.skippedTotal(), reasons(r.skipped()));
        long already = r.already().values().stream().mapToLong(Long::longValue).sum();
        line(sb, Tr.t("done before"), already, reasons(r.already()));
        if (r.retries() > 0) line(sb, Tr.t("retries"), r.retries(), Tr.t("transient failures tried again"));
        if (r.stopped() != null) {
            sb.append(Tr.f("Stopped early: %s.", r.stopped())).append('\n')
                    .append(r.stoppedByOperator() ? Tr.t("Nothing was lost: what was not sent is pending or unread; resume it when you like.")
                            : Tr.t("Nothing was lost: what was not sent is pending or unread; fix the cause and resume.")).append('\n');
        }
        return sb.toString().stripTrailing();
    }

    public static String status(DeliveryStatus s) {
        StringBuilder sb = new StringBuilder();
        sb.append(Tr.f("Campaign %d: %,d recipient row(s) — %s", s.campaignId(), s.total(),
                s.finished() ? Tr.t("finished") : !s.sourceRead() ? Tr.t("not every message read yet (send or resume)")
                        : Tr.f("%d still open", s.open()))).append('\n');
        s.counts().forEach((state, n) -> {
            if (n > 0) {
                String why = switch (state) {
                    case SKIPPED -> reasons(s.skipped());
                    case FAILED -> reasons(s.failed());
                    case PENDING -> reasons(s.pending());
                    case DEFERRED -> s.nextDue() == null ? "" : Tr.f("due %s", s.nextDue());
                    case UNKNOWN -> Tr.t("reconcile them: the provider's status query, or your choice");
                    case SENDING -> Tr.t("being handed to a channel now (or by a run that died: the next run marks them unknown)");
                    default -> "";
                };
                line(sb, Tr.t(state.db()), n, why);
            }
        });
        s.lastRun().ifPresent(r -> sb.append(Tr.f("Last run %d (%s): started %s, %s; %,d read%s; %.1f sent/s", r.id(), r.kind(),
                r.startedAt(), r.finishedAt() == null ? Tr.f("still running (heartbeat %s)", r.heartbeatAt())
                        : Tr.f("ended %s — %s", r.finishedAt(), outcome(r.outcome())), r.streamed(), r.complete() ? Tr.t(" (all)") : "",
                s.lastRunRate())).append('\n'));
        return sb.toString().stripTrailing();
    }

    public static String reconcile(long campaignId, UnknownOutcomes.Report r) {
        if (r.total() == 0) return Tr.f("Campaign %d: no unknown deliveries.", campaignId);
        StringBuilder sb = new StringBuilder(Tr.f("Campaign %d: %,d unknown deliveries looked at.", campaignId, r.total())).append('\n');
        line(sb, Tr.t("sent"), r.sent(), Tr.t("the provider has them"));
        line(sb, Tr.t("failed"), r.failed(), Tr.t("the provider has them as failed"));
        line(sb, Tr.t("to resend"), r.resend(), Tr.t("the provider never received them: the next resume sends them once"));
        line(sb, Tr.t("still unknown"), r.stillUnknown(), Tr.t("the provider cannot tell yet: reconcile again later"));
        line(sb, Tr.t("too recent"), r.tooRecent(), Tr.t("sent moments ago: reconcile again in a few minutes"));
        line(sb, Tr.t("your choice"), r.needDecision(), Tr.t("the channel has no status query: decide with --mark sent|resend|failed"));
        line(sb, Tr.t("not in source"), r.notInSource(), Tr.t("the campaign no longer produces them: decide with --mark"));
        for (UnknownOutcomes.TooOld old : r.tooOld()) {
            line(sb, Tr.t("too old"), old.count(), old.lookBack().isZero()
                    ? Tr.f("%s does not say how far back its status query looks, and has no trace of them: decide with --mark sent|resend|failed", old.channel())
                    : Tr.f("older than what %s can look up (%d days), no trace found: decide with --mark sent|resend|failed",
                            old.channel(), old.lookBack().toDays()));
        }
        return sb.toString().stripTrailing();
    }

    private static void line(StringBuilder sb, String label, long n, String note) {
        if (n == 0) return;
        sb.append(("  " + TextWidth.pad(label, 12) + String.format(" %,8d  %s", n, note == null ? "" : note)).stripTrailing()).append('\n');
    }

    /**
     * A run's stored outcome ("finished", "interrupted", "stopped: why"; kept in English in the database) in the
     * interface language; a reason with values stays as stored.
     */
    static String outcome(String stored) {
        if (stored == null) return null;
        if (stored.startsWith("stopped: ")) return Tr.f("stopped: %s", Tr.t(stored.substring("stopped: ".length())));
        return Tr.t(stored);
    }

    private static String reasons(Map<String, Long> m) {
        return m.entrySet().stream().filter(e -> e.getValue() > 0).map(e -> (e.getKey().isEmpty() ? "?" : e.getKey()) + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
