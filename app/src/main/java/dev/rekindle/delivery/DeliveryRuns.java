package dev.rekindle.delivery;

import dev.rekindle.i18n.Tr;
import dev.rekindle.console.UserException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs of a campaign's delivery ({@code delivery_runs}): at most one live run per campaign (a lease
 * kept fresh by a heartbeat), so that two processes never send the same campaign; and the memory of
 * whether a run read its whole source, without which a campaign is never called finished.
 */
public class DeliveryRuns {

    /** One run as recorded. */
    public record Run(long id, long campaignId, String kind, String host, Long pid, String startedAt, String heartbeatAt,
            String finishedAt, long streamed, boolean complete, String outcome) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final DeliveryLedger ledger;
    private final Duration stale;
    private final String host = hostName();
    private final long pid = ProcessHandle.current().pid();

    public DeliveryRuns(JdbcClient jdbc, TransactionTemplate tx, DeliveryLedger ledger, Duration stale) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.ledger = ledger;
        this.stale = stale;
    }

    /**
     * Starts a run, or refuses when another live run holds the campaign. Runs that died (killed, crashed)
     * are closed as interrupted, and the rows they left in {@code sending} become {@code unknown}.
     */
    public long start(long campaignId, String kind, LocalDateTime now) {
        return DeliveryLedger.retryingBusy(() -> tx.execute(status -> {
            List<Long> live = new ArrayList<>();
            for (Run r : open(campaignId)) {
                if (isAlive(r, now)) {
                    live.add(r.id());
                } else {
                    jdbc.sql("UPDATE delivery_runs SET finished_at = ?, outcome = 'interrupted' WHERE id = ?")
                            .params(DeliveryLedger.time(now), r.id()).update();
                }
            }
            if (!live.isEmpty()) {
                Run r = find(live.get(0)).orElseThrow();
                throw new UserException(Tr.f("campaign %d is being sent by another Rekindle (%s run %d, process %s on %s, started %s). "
                        + "Wait for it to finish, or stop that process; a stopped run is taken over after %d s.",
                        campaignId, r.kind(), r.id(), r.pid(), r.host(), r.startedAt(), stale.toSeconds()));
            }
            ledger.interruptAbandoned(campaignId, live, now);
            String t = DeliveryLedger.time(now);
            jdbc.sql("INSERT INTO delivery_runs(campaign_id, kind, host, pid, started_at, heartbeat_at) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(campaignId, kind, host, pid, t, t).update();
            return jdbc.sql("SELECT max(id) FROM delivery_runs WHERE campaign_id = ?").param(campaignId).query(Long.class).single();
        }));
    }

    public void heartbeat(long runId, long streamed, LocalDateTime now) {
        DeliveryLedger.retryingBusy(() -> jdbc.sql("UPDATE delivery_runs SET heartbeat_at = ?, streamed = ? WHERE id = ?")
                .params(DeliveryLedger.time(now), streamed, runId).update());
    }

    public void finish(long runId, long streamed, boolean complete, String outcome, LocalDateTime now) {
        DeliveryLedger.retryingBusy(() -> jdbc.sql("""
                UPDATE delivery_runs SET finished_at = ?, heartbeat_at = ?, streamed = ?, complete = ?, outcome = ? WHERE id = ?""")
                .params(DeliveryLedger.time(now), DeliveryLedger.time(now), streamed, complete ? 1 : 0, outcome, runId).update());
    }

    public Optional<Run> find(long runId) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(runId).query(Run.class).optional();
    }

    public List<Run> all(long campaignId) {
        return jdbc.sql(SELECT + " WHERE campaign_id = ? ORDER BY id").param(campaignId).query(Run.class).list();
    }

    /** The latest send or resume run (reconcile runs read only the unknowns). */
    public Optional<Run> lastSend(long campaignId) {
        return jdbc.sql(SELECT + " WHERE campaign_id = ? AND kind IN ('send', 'resume') ORDER BY id DESC LIMIT 1")
                .param(campaignId).query(Run.class).optional();
    }

    /** Whether any send or resume run of the campaign read its whole source. */
    public boolean everComplete(long campaignId) {
        return jdbc.sql("SELECT count(*) FROM delivery_runs WHERE campaign_id = ? AND complete = 1").param(campaignId)
                .query(Integer.class).single() > 0;
    }

    private List<Run> open(long campaignId) {
        return jdbc.sql(SELECT + " WHERE campaign_id = ? AND finished_at IS NULL").param(campaignId).query(Run.class).list();
    }

    /**
     * Alive: on this machine, its process still exists and its heartbeat is fresh (a reused process id
     * goes stale); elsewhere (a shared database), its heartbeat is fresh.
     */
    private boolean isAlive(Run r, LocalDateTime now) {
        boolean fresh = !DeliveryLedger.parseTime(r.heartbeatAt()).isBefore(now.minus(stale));
        if (host.equals(r.host()) && r.pid() != null) {
            boolean exists = ProcessHandle.of(r.pid()).map(ProcessHandle::isAlive).orElse(false);
            return exists && fresh;
        }
        return fresh;
    }

    private static String hostName() {
        String h = System.getenv("HOSTNAME");
        if (h != null && !h.isBlank()) return h;
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }

    private static final String SELECT = """
            SELECT id, campaign_id, kind, host, pid, started_at, heartbeat_at, finished_at, streamed, complete = 1 AS complete, outcome
            FROM delivery_runs""";
}
