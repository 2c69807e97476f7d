package dev.rekindle.delivery;

import dev.rekindle.i18n.Tr;
import dev.rekindle.api.Channel;
import dev.rekindle.api.DeliveryResult;
import dev.rekindle.shop.ShopProfile;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves {@code unknown} deliveries — the request went out and no answer came — without ever guessing:
 * through the channel's status query where it has one (found → sent; found failed → failed; the provider
 * has no trace of a message it could still see → pending, and a resume sends it once), otherwise only by
 * the operator's explicit choice.
 */
public class UnknownOutcomes {

    private static final Logger log = LoggerFactory.getLogger(UnknownOutcomes.class);

    /** The operator's choice for unknowns that no status query can settle. */
    public enum Decision {
        /** It reached the customer: record as sent. */
        SENT,
        /** It did not: make it pending, so that the next resume sends it. */
        RESEND,
        /** Give it up: record as failed. */
        FAILED;

        public static Decision parse(String s) {
            try {
                return valueOf(s.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(Tr.f("choose sent, resend or failed, not '%s'", s));
            }
        }
    }

    /**
     * @param sent        found at the provider: now sent
     * @param failed      found as failed at the provider
     * @param resend      the provider never received them: pending, a resume sends them
     * @param stillUnknown the provider could not tell yet
     * @param tooRecent   handed over less than the minimum age ago (providers need a moment)
     * @param needDecision the channel cannot query: the operator decides ({@code --mark})
     * @param notInSource no longer produced by the campaign's source (data changed): the operator decides
     * @param tooOld      handed over longer ago than the channel's status query can look, and not found:
     *                    "no trace" proves nothing then, the operator decides; per channel
     */
    public record Report(long sent, long failed, long resend, long stillUnknown, long tooRecent, long needDecision,
            long notInSource, List<TooOld> tooOld) {

        public Report {
            tooOld = List.copyOf(tooOld);
        }

        public long tooOldTotal() {
            return tooOld.stream().mapToLong(TooOld::count).sum();
        }

        public long total() {
            return sent + failed + resend + stillUnknown + tooRecent + needDecision + notInSource + tooOldTotal();
        }
    }

    /** Unknowns of one channel older than its status query can look back ({@link Channel#statusLookBack()}). */
    public record TooOld(String channel, Duration lookBack, long count) {
    }

    private final DeliveryLedger ledger;
    private final DeliveryRuns runs;
    private final ChannelDirectory channels;
    private final Duration minAge;
    private final ShopProfile shop;

    public UnknownOutcomes(DeliveryLedger ledger, DeliveryRuns runs, ChannelDirectory channels, Duration minAge, ShopProfile shop) {
        this.ledger = ledger;
        this.runs = runs;
        this.channels = channels;
        this.minAge = minAge;
        this.shop = shop;
    }

    /**
     * Asks the providers about every unknown delivery of the campaign; {@code source} gives back the full
     * messages. A provider's "no trace" makes a message pending again only when it was handed over within
     * what the channel's status query can look back ({@link Channel#statusLookBack()}): an older message
     * may well have reached the customer, so it stays unknown for the operator to decide.
     */
    public Report reconcile(long campaignId, Stream<DeliveryRequest> source) {
        LocalDateTime now = shop.now();
        long runId = runs.start(campaignId, "reconcile", now);
        String outcome = "finished";
        long sent = 0, failed = 0, resend = 0, still = 0, recent = 0, decide = 0;
        Map<String, Long> tooOld = new TreeMap<>();
        Map<String, Duration> lookBacks = new HashMap<>();
        Map<String, DeliveryLedger.Row> unknown = new HashMap<>();
        try {
            for (DeliveryLedger.Row r : ledger.inState(campaignId, DeliveryState.UNKNOWN)) unknown.put(r.key(), r);
            Iterator<DeliveryRequest> it = source.iterator();
            while (!unknown.isEmpty() && it.hasNext()) {
                DeliveryRequest req = it.next();
                DeliveryLedger.Row row = unknown.remove(req.key());
                if (row == null) continue;
                Optional<Channel> channel = channels.find(req.channel());
                if (channel.isEmpty() || !channel.get().traits().canQueryStatus()) {
                    decide++;
                    continue;
                }
                LocalDateTime handedOver = row.contactedAt() == null ? null : DeliveryLedger.parseTime(row.contactedAt());
                if (handedOver != null && handedOver.isAfter(now.minus(minAge))) {
                    recent++;
                    continue;
                }
                Duration lookBack = lookBacks.computeIfAbsent(req.channel(), id -> lookBack(channel.get()));
                // unknown age (no hand-over time) counts as too old: nothing proves the provider could still see it
                boolean withinLookBack = handedOver != null && !lookBack.isZero() && !handedOver.isBefore(now.minus(lookBack));
                DeliveryResult r = query(channel.get(), req, handedOver == null ? null : handedOver.atZone(shop.zone()).toInstant());
                LocalDateTime t = shop.now();
                if (r.outcome() == DeliveryResult.Outcome.ACCEPTED) {
                    ledger.resolve(req.key(), DeliveryState.UNKNOWN, DeliveryState.SENT, "reconciled", r.providerId(), r.providerId(), t);
                    sent++;
                } else if (r.outcome() == DeliveryResult.Outcome.PERMANENT) {
                    ledger.resolve(req.key(), DeliveryState.UNKNOWN, DeliveryState.FAILED, r.code(), r.detail(), null, t);
                    failed++;
                } else if (!withinLookBack) {
                    tooOld.merge(req.channel(), 1L, Long::sum);
                } else if (r.isNotReceived()) {
                    ledger.resolve(req.key(), DeliveryState.UNKNOWN, DeliveryState.PENDING, DeliveryResult.NOT_RECEIVED, r.detail(), null, t);
                    resend++;
                } else {
                    still++;
                }
            }
            List<TooOld> old = tooOld.entrySet().stream().map(e -> new TooOld(e.getKey(), lookBacks.get(e.getKey()), e.getValue())).toList();
            return new Report(sent, failed, resend, still, recent, decide, unknown.size(), old);
        } catch (RuntimeException e) {
            outcome = "stopped: " + e.getMessage();
            throw e;
        } finally {
            runs.finish(runId, 0, false, outcome, shop.now());
        }
    }

    /** The channel's look-back; a plugin that breaks here is treated as one that does not say (nothing trusted). */
    private static Duration lookBack(Channel c) {
        try {
            Duration d = c.statusLookBack();
            return d == null || d.isNegative() ? Duration.ZERO : d;
        } catch (RuntimeException | LinkageError e) {
            log.error("channel {} could not say how far back its status query looks", c.id(), e);
            return Duration.ZERO;
        }
    }

    /** The operator's explicit choice for the campaign's unknowns (all, or the given keys). */
    public long decide(long campaignId, Decision decision, List<String> keys) {
        long runId = runs.start(campaignId, "reconcile", shop.now());
        long n = 0;
        try {
            for (DeliveryLedger.Row row : ledger.inState(campaignId, DeliveryState.UNKNOWN)) {
                if (keys != null && !keys.isEmpty() && !keys.contains(row.key())) continue;
                boolean done = switch (decision) {
                    case SENT -> ledger.resolve(row.key(), DeliveryState.UNKNOWN, DeliveryState.SENT, "operator",
                            "marked sent by the operator", null, shop.now());
                    case RESEND -> ledger.resolve(row.key(), DeliveryState.UNKNOWN, DeliveryState.PENDING, "operator",
                            "to be sent again, by the operator's choice", null, shop.now());
                    case FAILED -> ledger.resolve(row.key(), DeliveryState.UNKNOWN, DeliveryState.FAILED, "operator",
                            "given up by the operator", null, shop.now());
                };
                if (done) n++;
            }
            return n;
        } finally {
            runs.finish(runId, 0, false, "finished", shop.now());
        }
    }

    private static DeliveryResult query(Channel c, DeliveryRequest req, Instant handedOver) {
        try {
            DeliveryResult r = c.queryStatus(req.toMessage(), handedOver);
            return r == null ? DeliveryResult.unknown("no answer from the status query") : r;
        } catch (RuntimeException | LinkageError e) {
            log.error("status query of channel {} failed", c.id(), e);
            return DeliveryResult.unknown("status query failed: " + e.getMessage());
        }
    }
}
