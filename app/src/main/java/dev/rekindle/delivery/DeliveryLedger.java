package dev.rekindle.delivery;

import dev.rekindle.api.ChannelTraits;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import dev.rekindle.guard.ContactRules;
import dev.rekindle.guard.SkipReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.rekindle.store.SqliteErrors;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The delivery ledger (table {@code deliveries}, V5): one row per (campaign, customer, channel). A row is
 * claimed — guards checked and state {@code sending} committed — before the channel is called, and
 * updated after. Every state change of a message goes through here.
 */
public class DeliveryLedger {

    private static final Logger log = LoggerFactory.getLogger(DeliveryLedger.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** One row, for status, reconcile and tests. */
    public record Row(String key, long campaignId, Long customerId, String channel, String purpose, String recipient,
            DeliveryState state, String reason, String detail, String providerId, int attempts, Long runId,
            String dueAt, String contactedAt) {
    }

    /** What claiming a message came to. */
    public record Claim(Kind kind, DeliveryState state, String reason, String detail, String dueAt, int attempt) {
        public enum Kind {
            /** Ours to send now: the row is {@code sending}. */
            CLAIMED,
            /** A guard said no; the row is {@code skipped}. */
            SKIPPED,
            /** Quiet hours; the row is {@code deferred} until {@code dueAt}. */
            DEFERRED,
            /** Waiting for a retry or the end of quiet hours that is not due yet. */
            NOT_DUE,
            /** An earlier run already settled it (sent, failed, skipped) or left it unknown. */
            ALREADY
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    public DeliveryLedger(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    public static String time(LocalDateTime t) {
        return t.withNano(0).format(TIME);
    }

    public static LocalDateTime parseTime(String t) {
        return LocalDateTime.parse(t, TIME);
    }

    public Optional<Row> find(String key) {
        return jdbc.sql(SELECT_ROW + " WHERE idempotency_key = ?").param(key).query(DeliveryLedger::row).optional();
    }

    /**
     * Checks the guards and writes the decision, in one transaction (IMMEDIATE on SQLite: writers queue
     * up, so caps and opt-outs read here cannot change before the row is written).
     */
    public Claim claim(DeliveryRequest r, ChannelTraits traits, SendGuards guards, String maskedRecipient, long runId,
            LocalDateTime now) {
        return retryingBusy(() -> tx.execute(status -> {
            Optional<Row> existing = find(r.key());
            int attempts = 0;
            if (existing.isPresent()) {
                Row row = existing.get();
                attempts = row.attempts();
                switch (row.state()) {
                    case SENT, FAILED, SKIPPED, CANCELLED, UNKNOWN, SENDING -> {
                        return new Claim(Claim.Kind.ALREADY, row.state(), row.reason(), row.detail(), row.dueAt(), attempts);
                    }
                    case PENDING, DEFERRED -> {
                        if (row.dueAt() != null && row.dueAt().compareTo(time(now)) > 0) {
                            return new Claim(Claim.Kind.NOT_DUE, row.state(), row.reason(), row.detail(), row.dueAt(), attempts);
                        }
                    }
                }
            }
            ContactRules.Judgement d = guards.check(jdbc, r, traits, now);
            if (d instanceof ContactRules.Judgement.Skip skip) {
                upsert(r, maskedRecipient, DeliveryState.SKIPPED, skip.reason().code(), truncate(skip.detail()), attempts, runId, null, null, now);
                return new Claim(Claim.Kind.SKIPPED, DeliveryState.SKIPPED, skip.reason().code(), skip.detail(), null, attempts);
            }
            if (d instanceof ContactRules.Judgement.Wait wait) {
                String due = time(wait.until());
                String reason = SkipReason.QUIET_HOURS.code();
                upsert(r, maskedRecipient, DeliveryState.DEFERRED, reason, wait.detail(), attempts, runId, due, null, now);
                return new Claim(Claim.Kind.DEFERRED, DeliveryState.DEFERRED, reason, wait.detail(), due, attempts);
            }
            upsert(r, maskedRecipient, DeliveryState.SENDING, null, null, attempts + 1, runId, null, time(now), now);
            return new Claim(Claim.Kind.CLAIMED, DeliveryState.SENDING, null, null, null, attempts + 1);
        }));
    }

    /**
     * A message whose channel cannot send now (not installed, settings missing): it waits as {@code pending}
     * with the reason, unless an earlier run already settled it. The next send or resume tries it again.
     *
     * @return false when the row was already settled (or in flight) and is left as it was
     */
    public boolean holdBack(DeliveryRequest r, String maskedRecipient, String detail, long runId, LocalDateTime now) {
        return retryingBusy(() -> tx.execute(status -> {
            Optional<Row> existing = find(r.key());
            if (existing.isPresent() && existing.get().state() != DeliveryState.PENDING
                    && existing.get().state() != DeliveryState.DEFERRED) {
                return false;
            }
            upsert(r, maskedRecipient, DeliveryState.PENDING, SkipReason.CHANNEL_NOT_READY.code(), truncate(detail),
                    existing.map(Row::attempts).orElse(0), runId, null, null, now);
            return true;
        }));
    }

    /**
     * Cancels what of a campaign has not gone out: pending and deferred rows become {@code cancelled}.
     * Sent, failed, skipped and unknown rows stay what they are (an unknown may have gone out: reconcile it).
     */
    public int cancelOpen(long campaignId, LocalDateTime now) {
        return retryingBusy(() -> jdbc.sql("""
                UPDATE deliveries SET state = 'cancelled', reason = ?, detail = 'the operator cancelled the campaign', due_at = NULL,
                       updated_at = ?
                WHERE campaign_id = ? AND state IN ('pending', 'deferred')""")
                .params(SkipReason.CANCELLED.code(), time(now), campaignId).update());
    }

    /** The state of a message if the ledger has it: a run passes over settled ones before taking a rate-limit token. */
    public Optional<DeliveryState> stateOf(String key) {
        return jdbc.sql("SELECT state FROM deliveries WHERE idempotency_key = ?").param(key).query(String.class).optional()
                .map(DeliveryState::of);
    }

    private void upsert(DeliveryRequest r, String recipient, DeliveryState state, String reason, String detail, int attempts,
            long runId, String dueAt, String contactedAt, LocalDateTime now) {
        jdbc.sql("""
                INSERT INTO deliveries(idempotency_key, campaign_id, customer_id, channel, purpose, recipient, state, reason,
                                       detail, attempts, run_id, due_at, contacted_at, created_at, updated_at, occasion)
                VALUES (:key, :campaign, :customer, :channel, :purpose, :recipient, :state, :reason, :detail, :attempts,
                        :run, :due, :contacted, :now, :now, :occasion)
                ON CONFLICT(idempotency_key) DO UPDATE SET
                  state = excluded.state, reason = excluded.reason, detail = excluded.detail, attempts = excluded.attempts,
                  run_id = excluded.run_id, due_at = excluded.due_at, recipient = excluded.recipient,
                  contacted_at = coalesce(excluded.contacted_at, deliveries.contacted_at), updated_at = excluded.updated_at""")
                .param("key", r.key())
                .param("campaign", r.campaignId())
                .param("customer", r.isGroupPost() ? null : r.customerId())
                .param("channel", r.channel())
                .param("purpose", r.purpose().name())
                .param("recipient", recipient)
                .param("state", state.db())
                .param("reason", reason)
                .param("detail", detail)
                .param("attempts", attempts)
                .param("run", runId)
                .param("due", dueAt)
                .param("contacted", contactedAt)
                .param("now", time(now))
                .param("occasion", r.occasion())
                .update();
    }

    /** The channel's answer for a claimed row. */
    public void sent(String key, long runId, String providerId, LocalDateTime now) {
        settle(key, runId, DeliveryState.SENT, null, null, providerId, null, now);
    }

    public void failed(String key, long runId, String code, String detail, LocalDateTime now) {
        settle(key, runId, DeliveryState.FAILED, code, detail, null, null, now);
    }

    public void unknown(String key, long runId, String detail, LocalDateTime now) {
        settle(key, runId, DeliveryState.UNKNOWN, "no-answer", detail, null, null, now);
    }

    /** A transient failure: back to pending, not before {@code dueAt}; it did not reach the customer. */
    public void retryLater(String key, long runId, String code, String detail, LocalDateTime dueAt, LocalDateTime now) {
        settle(key, runId, DeliveryState.PENDING, code, detail, null, time(dueAt), now);
    }

    private void settle(String key, long runId, DeliveryState state, String reason, String detail, String providerId,
            String dueAt, LocalDateTime now) {
        int n = retryingBusy(() -> jdbc.sql("""
                UPDATE deliveries SET state = ?, reason = ?, detail = ?, provider_id = coalesce(?, provider_id), due_at = ?,
                       updated_at = ?
                WHERE idempotency_key = ? AND state = 'sending' AND run_id = ?""")
                .params(state.db(), reason, truncate(detail), providerId, dueAt, time(now), key, runId).update());
        if (n != 1) {
            log.warn("delivery {} of run {} was no longer 'sending' when its outcome {} arrived", key, runId, state);
        }
    }

    /**
     * Rows a dead run left in {@code sending}: the message may or may not have gone out, so they become
     * {@code unknown} (never re-sent automatically). {@code liveRunIds} are the runs still working.
     */
    int interruptAbandoned(long campaignId, List<Long> liveRunIds, LocalDateTime now) {
        String live = liveRunIds.isEmpty() ? "-1" : String.join(",", liveRunIds.stream().map(String::valueOf).toList());
        return jdbc.sql("""
                UPDATE deliveries SET state = 'unknown', reason = ?,
                       detail = 'the app stopped while this message was being handed to the channel; it may have gone out',
                       updated_at = ?
                WHERE campaign_id = ? AND state = 'sending' AND coalesce(run_id, -1) NOT IN (%s)""".formatted(live))
                .params(SkipReason.INTERRUPTED.code(), time(now), campaignId).update();
    }

    public List<Row> inState(long campaignId, DeliveryState state) {
        return jdbc.sql(SELECT_ROW + " WHERE campaign_id = ? AND state = ? ORDER BY id").params(campaignId, state.db())
                .query(DeliveryLedger::row).list();
    }

    /** Reconcile or the operator settles an unknown (or pending) row. */
    public boolean resolve(String key, DeliveryState from, DeliveryState to, String reason, String detail, String providerId,
            LocalDateTime now) {
        return retryingBusy(() -> jdbc.sql("""
                UPDATE deliveries SET state = ?, reason = ?, detail = ?, provider_id = coalesce(?, provider_id), due_at = NULL,
                       updated_at = ?
                WHERE idempotency_key = ? AND state = ?""")
                .params(to.db(), reason, truncate(detail), providerId, time(now), key, from.db()).update()) == 1;
    }

    /** Rows per state for a campaign. */
    public Map<DeliveryState, Long> counts(long campaignId) {
        Map<DeliveryState, Long> m = new LinkedHashMap<>();
        for (DeliveryState s : DeliveryState.values()) m.put(s, 0L);
        jdbc.sql("SELECT state, count(*) AS n FROM deliveries WHERE campaign_id = ? GROUP BY state").param(campaignId)
                .query((rs, i) -> Map.entry(DeliveryState.of(rs.getString(1)), rs.getLong(2))).list()
                .forEach(e -> m.put(e.getKey(), e.getValue()));
        return m;
    }

    /** Rows of a state by reason (skip reasons, provider codes). */
    public Map<String, Long> reasons(long campaignId, DeliveryState state) {
        Map<String, Long> m = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT coalesce(reason, '') AS reason, count(*) AS n FROM deliveries WHERE campaign_id = ? AND state = ?
                GROUP BY coalesce(reason, '') ORDER BY n DESC, reason""")
                .params(campaignId, state.db())
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
                .forEach(e -> m.put(e.getKey(), e.getValue()));
        return m;
    }

    /** The earliest time a deferred or pending row of the campaign is due. */
    public Optional<String> nextDue(long campaignId) {
        return jdbc.sql("SELECT min(due_at) FROM deliveries WHERE campaign_id = ? AND state IN ('deferred', 'pending')")
                .param(campaignId).query(String.class).optional();
    }

    private static final String SELECT_ROW = """
            SELECT idempotency_key, campaign_id, customer_id, channel, purpose, recipient, state, reason, detail, provider_id,
                   attempts, run_id, due_at, contacted_at FROM deliveries""";

    private static Row row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        long customer = rs.getLong("customer_id");
        Long customerId = rs.wasNull() ? null : customer;
        long run = rs.getLong("run_id");
        Long runId = rs.wasNull() ? null : run;
        return new Row(rs.getString("idempotency_key"), rs.getLong("campaign_id"), customerId, rs.getString("channel"),
                rs.getString("purpose"), rs.getString("recipient"), DeliveryState.of(rs.getString("state")),
                rs.getString("reason"), rs.getString("detail"), rs.getString("provider_id"), rs.getInt("attempts"), runId,
                rs.getString("due_at"), rs.getString("contacted_at"));
    }

    /** Details are kept short and never carry a full phone number. */
    private static String truncate(String s) {
        String r = Redaction.of(s);
        return r == null || r.length() <= 500 ? r : r.substring(0, 500) + "…";
    }

    /** How long a ledger write waits for a database another process keeps busy (a big import) before giving up. */
    static final java.time.Duration BUSY_PATIENCE = java.time.Duration.ofMinutes(3);

    /**
     * SQLite answers SQLITE_BUSY when another process holds the write lock longer than busy_timeout; it
     * may also come as "Could not open JDBC Connection" (a new pooled connection could not even apply its
     * pragmas). Nothing was written then: trying again is safe, so this waits, saying so in the log,
     * for at most {@link #BUSY_PATIENCE}.
     */
    static <T> T retryingBusy(Supplier<T> work) {
        return retryingBusy(work, BUSY_PATIENCE);
    }

    static <T> T retryingBusy(Supplier<T> work, java.time.Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (DataAccessException | TransactionException e) {
                if (!SqliteErrors.isBusy(e) || System.nanoTime() > deadline) throw e;
                if (attempt == 1 || attempt % 10 == 0) {
                    log.warn("the database is busy (another process is writing, e.g. an import): waiting (attempt {}, at most {} s): {}",
                            attempt, patience.toSeconds(), e.getClass().getSimpleName());
                }
                try {
                    Thread.sleep(Math.min(1000L, 50L * attempt));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
