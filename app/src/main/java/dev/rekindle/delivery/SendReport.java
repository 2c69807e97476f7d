package dev.rekindle.delivery;

import java.time.Duration;
import java.util.Map;

/**
 * What one send or resume run did.
 *
 * @param streamed  messages read from the source
 * @param complete  the whole source was read (false when the run stopped early)
 * @param sent      taken by the provider in this run
 * @param failed    permanent failures in this run
 * @param unknown   no answer after the request went out (never re-sent automatically)
 * @param pending   left pending after transient failures (resume sends them)
 * @param deferred  waiting for quiet hours to end
 * @param skipped   by reason
 * @param already   settled by earlier runs, by state
 * @param notDue    pending or deferred rows whose time has not come
 * @param stopped   why the run stopped early, or null
 * @param nextDue   the earliest time a deferred or pending message is due, or null
 * @param notReady  messages held back as pending because their channel cannot send now, by channel
 * @param stoppedByOperator the run stopped because the operator asked (Ctrl-C, campaigns cancel), not a fault
 */
public record SendReport(long campaignId, long runId, long streamed, boolean complete, long sent, long failed, long unknown,
        long pending, long deferred, Map<String, Long> skipped, Map<String, Long> already, long notDue, long retries,
        String stopped, String nextDue, Duration took, Map<String, Long> notReady, boolean stoppedByOperator) {

    public long notReadyTotal() {
        return notReady.values().stream().mapToLong(Long::longValue).sum();
    }

    public long skippedTotal() {
        return skipped.values().stream().mapToLong(Long::longValue).sum();
    }

    public double sentPerSecond() {
        double s = took.toNanos() / 1e9;
        return s <= 0 ? 0 : sent / s;
    }
}
