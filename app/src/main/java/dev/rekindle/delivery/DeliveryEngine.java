package dev.rekindle.delivery;

import dev.rekindle.api.Channel;
import dev.rekindle.api.ChannelTraits;
import dev.rekindle.api.ContactKind;
import dev.rekindle.guard.StandardChannels;
import dev.rekindle.api.DeliveryResult;
import dev.rekindle.api.OutboundMessage;
import dev.rekindle.channel.Addresses;
import dev.rekindle.i18n.Tr;
import dev.rekindle.console.UserException;
import dev.rekindle.shop.ShopProfile;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a stream of {@link DeliveryRequest}s through the channels, exactly once:
 * <ol>
 * <li>a message takes a token from its channel's (and sender's) bucket;</li>
 * <li>the ledger claims it — guards checked and {@code sending} committed in one transaction — before
 *     the channel is called; a guard's no is recorded as skipped (with its reason) or deferred;</li>
 * <li>the channel makes one attempt; the answer is recorded: sent, failed (permanent), unknown (the
 *     request went out, no answer: never re-sent automatically), or pending again after a transient
 *     failure, retried in this run after an exponential, jittered backoff (never sooner than
 *     Retry-After).</li>
 * </ol>
 * A run stops early, losing nothing, when a channel keeps failing; its messages stay pending and a
 * resume sends them. A resume re-reads the same source: rows already settled are passed over, rows a
 * dead run left in {@code sending} have become unknown, and everything else is sent once.
 */
public class DeliveryEngine {

    private static final Logger log = LoggerFactory.getLogger(DeliveryEngine.class);

    private final DeliveryLedger ledger;
    private final DeliveryRuns runs;
    private final ChannelDirectory channels;
    private final DeliveryPolicy policy;
    private final SendGuards guards;
    private final ShopProfile shop;
    private final java.util.Set<Run> active = ConcurrentHashMap.newKeySet();

    private final ChannelLocks locks;

    public DeliveryEngine(DeliveryLedger ledger, DeliveryRuns runs, ChannelDirectory channels, DeliveryPolicy policy,
            ShopProfile shop, ChannelLocks locks) {
        this.locks = locks;
        this.ledger = ledger;
        this.runs = runs;
        this.channels = channels;
        this.policy = policy;
        this.guards = new SendGuards(policy);
        this.shop = shop;
    }

    public DeliveryPolicy policy() {
        return policy;
    }

    /**
     * One run over the campaign's messages. Returns when every message read has a state (or waits for
     * a later run), or when the run stopped early ({@link SendReport#stopped()} says why).
     *
     * @throws UserException when another live run holds the campaign
     */
    public SendReport send(long campaignId, Stream<DeliveryRequest> source, SendOptions options) {
        LocalDateTime started = shop.now();
        long t0 = System.nanoTime();
        long runId = options.ledger() ? runs.start(campaignId, options.kind(), started) : 0;
        Run run = new Run(campaignId, runId, options);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "rekindle-delivery-ticker"));
        if (options.ledger()) {
            ticker.scheduleWithFixedDelay(run::heartbeat, 2, 2, TimeUnit.SECONDS);
        }
        if (options.progress() != null) {
            ticker.scheduleWithFixedDelay(() -> options.progress().accept(run.settled.sum()), 200, 200, TimeUnit.MILLISECONDS);
        }
        String outcome = "finished";
        active.add(run);
        try (AutoCloseable ctrlC = dev.rekindle.console.Interrupts.onInterrupt(() -> run.stopByOperator(Tr.n("cancelled with Ctrl-C")))) {
            run.execute(source);
            if (run.halt.get() != null) outcome = "stopped: " + run.halt.get();
            return run.report(Duration.ofNanos(System.nanoTime() - t0));
        } catch (RuntimeException | Error e) {
            outcome = "stopped: " + e.getMessage();
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e); // closing the Ctrl-C handle throws nothing
        } finally {
            run.held.forEach(ChannelLocks.Held::close);
            active.remove(run);
            ticker.shutdownNow();
            if (options.progress() != null) options.progress().accept(run.settled.sum());
            if (options.ledger()) {
                runs.finish(runId, run.streamed.get(), run.complete && run.halt.get() == null, outcome, shop.now());
            }
        }
    }

    /**
     * Stops every run of this process the way a resume expects it (Ctrl-C, SIGTERM, the app closing):
     * nothing new is claimed, messages already handed to a channel get their answer recorded, so they
     * do not turn into unknowns. Waits at most {@code grace}.
     */
    public void stopAll(Duration grace) {
        if (active.isEmpty()) return;
        active.forEach(r -> r.halt(Tr.n("the app is shutting down")));
        long deadline = System.nanoTime() + grace.toNanos();
        while (!active.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (!active.isEmpty()) log.warn("{} delivery run(s) still busy after {} s; their in-flight messages become unknown",
                active.size(), grace.toSeconds());
    }

    /** Called by the container when the app closes. */
    public void shutdown() {
        stopAll(Duration.ofSeconds(15));
    }

    /** One send or resume run's moving parts. */
    private final class Run {
        final long campaignId;
        final long runId;
        final SendOptions options;
        final int concurrency;
        final RetryPolicy retry = RetryPolicy.of(policy);
        final RateLimits limits = new RateLimits();
        final BlockingQueue<Work> queue;
        final DelayQueue<Work> retries = new DelayQueue<>();
        final AtomicLong streamed = new AtomicLong();
        final AtomicLong inFlight = new AtomicLong();
        final AtomicInteger consecutiveFailures = new AtomicInteger();
        /** Why the run stops, in English: stored as the run's outcome. */
        final AtomicReference<String> halt = new AtomicReference<>();
        /** The same in the interface language, for the operator's report. */
        volatile String haltShown;
        /** The operator stopped the run (Ctrl-C, cancel): not a fault, nothing to fix. */
        volatile boolean byOperator;
        final Map<String, ChannelInfo> channelInfo = new ConcurrentHashMap<>();
        /** Channel locks this run holds until it ends (one sender per rate-limited channel across processes). */
        final List<ChannelLocks.Held> held = new java.util.concurrent.CopyOnWriteArrayList<>();
        final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
        final LongAdder settled = new LongAdder();
        volatile boolean producerDone;
        volatile boolean complete;

        Run(long campaignId, long runId, SendOptions options) {
            this.campaignId = campaignId;
            this.runId = runId;
            this.options = options;
            this.concurrency = options.concurrency() != null ? options.concurrency() : policy.concurrency();
            if (concurrency < 1) throw new IllegalArgumentException("concurrency must be at least 1");
            this.queue = new ArrayBlockingQueue<>(concurrency * 4);
        }

        void execute(Stream<DeliveryRequest> source) {
            ExecutorService workers = Executors.newFixedThreadPool(concurrency, r -> daemon(r, "rekindle-delivery-" + campaignId));
            List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) futures.add(workers.submit(this::work));
            try {
                produce(source);
            } finally {
                producerDone = true;
                workers.shutdown();
                for (java.util.concurrent.Future<?> f : futures) {
                    try {
                        f.get();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        halt(Tr.n("interrupted"));
                    } catch (java.util.concurrent.ExecutionException e) {
                        log.error("a delivery worker failed", e.getCause());
                        halt(Tr.n("internal error: %s"), e.getCause());
                    }
                }
            }
        }

        /** Reads the source on the caller's thread (a database cursor stays on its thread) into the queue. */
        private void produce(Stream<DeliveryRequest> source) {
            Map<String, List<DeliveryRequest>> batches = new LinkedHashMap<>();
            Iterator<DeliveryRequest> it = source.iterator();
            while (halt.get() == null && it.hasNext()) {
                DeliveryRequest r = it.next();
                streamed.incrementAndGet();
                if (r.campaignId() != campaignId) {
                    throw new IllegalArgumentException("message " + r.key() + " belongs to campaign " + r.campaignId() + ", not " + campaignId);
                }
                ChannelInfo info = info(r.channel());
                if (info.ready() && info.traits().batchSize() > 1) {
                    List<DeliveryRequest> b = batches.computeIfAbsent(r.channel(), k -> new ArrayList<>());
                    b.add(r);
                    if (b.size() >= info.traits().batchSize()) {
                        put(new Work(List.copyOf(b), 1, 0));
                        b.clear();
                    }
                } else {
                    put(new Work(List.of(r), 1, 0));
                }
            }
            if (halt.get() == null) {
                batches.values().stream().filter(b -> !b.isEmpty()).forEach(b -> put(new Work(List.copyOf(b), 1, 0)));
                complete = !it.hasNext();
            }
        }

        private void put(Work w) {
            inFlight.incrementAndGet();
            try {
                while (halt.get() == null) {
                    if (queue.offer(w, 100, TimeUnit.MILLISECONDS)) return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                halt(Tr.n("interrupted"));
            }
            inFlight.decrementAndGet(); // not queued: the run is stopping and the message stays unsent
        }

        private void work() {
            while (true) {
                Work w = retries.poll(); // only retries that are due
                if (w == null) {
                    try {
                        w = queue.poll(20, TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (w == null) {
                    if (producerDone && inFlight.get() == 0) return;
                    if (producerDone && halt.get() != null) {
                        dropWaitingWork();
                        if (inFlight.get() == 0) return;
                    }
                    continue;
                }
                try {
                    if (halt.get() == null) process(w);
                } catch (RuntimeException e) {
                    log.error("delivery of {} failed unexpectedly", w.requests().get(0).key(), e);
                    halt(Tr.n("internal error: %s"), e.getMessage());
                } finally {
                    inFlight.decrementAndGet();
                }
            }
        }

        /** After a stop: queued and scheduled work is dropped. Those rows stay pending (or unwritten); a resume sends them. */
        private void dropWaitingWork() {
            Work w;
            while ((w = queue.poll()) != null) inFlight.decrementAndGet();
            for (Work x : retries) {
                if (retries.remove(x)) inFlight.decrementAndGet();
            }
        }

        private void process(Work w) {
            ChannelInfo info = info(w.requests().get(0).channel());
            List<DeliveryRequest> due = new ArrayList<>();
            for (DeliveryRequest r : w.requests()) {
                if (options.ledger() && r.presetSkip() == null && info.ready()) {
                    // settled by an earlier run: passed over before a rate-limit token is taken for it
                    Optional<DeliveryState> known = ledger.stateOf(r.key());
                    if (known.isPresent() && (known.get().isFinal() || known.get() == DeliveryState.UNKNOWN
                            || known.get() == DeliveryState.SENDING)) {
                        count("already:" + known.get().db());
                        settled.increment();
                        continue;
                    }
                }
                due.add(r);
            }
            if (due.isEmpty()) return;
            if (!info.ready()) {
                holdBack(info, due);
                return;
            }
            List<DeliveryRequest> toSend = due.stream().filter(r -> r.presetSkip() == null).toList();
            DeliveryRequest first = due.get(0);
            String sender = toSend.size() == 1 && first.hasRecipient() ? info.channel().senderOf(first.toMessage()) : null;
            if (!toSend.isEmpty()) {
                try {
                    limits.acquire(info.id(), info.rate(), sender, info.senderRate(), toSend.size());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    halt(Tr.n("interrupted"));
                    return;
                }
            }
            List<DeliveryRequest> mine = new ArrayList<>();
            if (!options.ledger()) {
                mine.addAll(due);
            } else {
                for (DeliveryRequest r : due) {
                    DeliveryLedger.Claim c = ledger.claim(r, info.traits(), guards, Addresses.mask(info.traits().contact(), r.recipient()), runId, shop.now());
                    switch (c.kind()) {
                        case CLAIMED -> mine.add(r);
                        case SKIPPED -> count("skipped:" + c.reason());
                        case DEFERRED -> count("deferred");
                        case NOT_DUE -> count("not-due");
                        case ALREADY -> count("already:" + c.state().db());
                    }
                    if (c.kind() != DeliveryLedger.Claim.Kind.CLAIMED) settled.increment();
                }
                limits.refund(info.id(), info.rate(), sender, info.senderRate(), toSend.size() - mine.size());
            }
            if (mine.isEmpty()) return;
            BatchDelivery.Results results = BatchDelivery.send(info.channel(), info.traits(), mine, this::deliver);
            for (int k = 0; k < mine.size(); k++) {
                record(mine.get(k), results.get(k), w.tries(), results.countsTowardHalt(k));
            }
        }

        /**
         * A channel that cannot send (not installed, settings missing) holds back only its own messages: they
         * wait as pending with the reason, the other channels go on. Skips are still recorded as skips.
         */
        private void holdBack(ChannelInfo info, List<DeliveryRequest> requests) {
            for (DeliveryRequest r : requests) {
                settled.increment();
                if (!options.ledger()) {
                    count("pending");
                } else if (r.presetSkip() != null) {
                    DeliveryLedger.Claim c = ledger.claim(r, ChannelTraits.simple(kindOf(r)), guards, masked(r),
                            runId, shop.now());
                    count(c.kind() == DeliveryLedger.Claim.Kind.SKIPPED ? "skipped:" + c.reason() : "already:" + c.state().db());
                } else if (ledger.holdBack(r, masked(r), info.notReady(), runId, shop.now())) {
                    count("not-ready:" + info.id());
                } else {
                    count("already:held");
                }
            }
        }

        /** The contact kind of a channel no plugin describes now: the standard channel's, else masked as a mobile (safest). */
        private static ContactKind kindOf(DeliveryRequest r) {
            return StandardChannels.kindOf(r.channel()).orElse(ContactKind.MOBILE);
        }

        /**
         * The recipient as the ledger keeps it for a channel no plugin describes now: masked by the standard
         * channel's kind, else generically (it may be a number or a plugin kind's id, e.g. a LINE user id).
         */
        private static String masked(DeliveryRequest r) {
            return StandardChannels.kindOf(r.channel()).map(k -> Addresses.mask(k, r.recipient()))
                    .orElseGet(() -> dev.rekindle.customer.Masks.other(r.recipient()));
        }

        private List<DeliveryResult> deliver(Channel channel, List<DeliveryRequest> requests) {
            List<OutboundMessage> messages = requests.stream().map(DeliveryRequest::toMessage).toList();
            try {
                List<DeliveryResult> r = new ArrayList<>();
                if (messages.size() == 1) r.add(channel.deliver(messages.get(0)));
                else r.addAll(channel.deliverBatch(messages));
                if (r.size() != messages.size() || r.stream().anyMatch(java.util.Objects::isNull)) {
                    return unknownFor(messages.size(), "channel " + channel.id() + " gave no proper answer");
                }
                return r;
            } catch (RuntimeException | LinkageError e) {
                // the plugin broke its contract: it may have sent before failing, so never repeat it
                log.error("channel {} threw while delivering", channel.id(), e);
                return unknownFor(messages.size(), "channel " + channel.id() + " failed: " + e);
            }
        }

        /** @param failedCall the answer stands for a failed provider call (a batch's counts once toward the halt rule) */
        private void record(DeliveryRequest r, DeliveryResult result, int tries, boolean failedCall) {
            settled.increment();
            if (!options.ledger()) {
                count(result.outcome().name().toLowerCase());
                return;
            }
            LocalDateTime now = shop.now();
            String key = r.key();
            switch (result.outcome()) {
                case ACCEPTED -> {
                    ledger.sent(key, runId, result.providerId(), now);
                    count("sent");
                    consecutiveFailures.set(0);
                }
                case PERMANENT -> {
                    ledger.failed(key, runId, result.code() == null ? "failed" : result.code(), result.detail(), now);
                    count("failed");
                    consecutiveFailures.set(0);
                }
                case UNKNOWN -> {
                    ledger.unknown(key, runId, result.detail(), now);
                    count("unknown");
                    if (failedCall) failing(r, result);
                }
                case TRANSIENT -> {
                    String code = result.code() == null ? "transient" : result.code();
                    if (retry.mayRetry(tries) && halt.get() == null) {
                        Duration delay = retry.delay(tries, result.retryAfter());
                        ledger.retryLater(key, runId, code, result.detail(), now.plus(delay), now);
                        count("retries");
                        settled.decrement(); // not settled yet: it comes back
                        inFlight.incrementAndGet();
                        retries.add(new Work(List.of(r), tries + 1, System.nanoTime() + delay.toNanos()));
                    } else {
                        ledger.retryLater(key, runId, code, result.detail() + " (still failing after " + tries
                                + " attempt(s) in this run; a resume tries again)", now, now);
                        count("pending");
                    }
                    if (failedCall) failing(r, result);
                }
            }
        }

        private void failing(DeliveryRequest r, DeliveryResult result) {
            int n = consecutiveFailures.incrementAndGet();
            if (policy.haltAfterFailures() > 0 && n >= policy.haltAfterFailures()) {
                halt(Tr.n("channel %s failed %d times in a row, last: %s%s"), r.channel(), n,
                        result.code() == null ? "" : result.code() + " ", Redaction.of(result.detail()));
            }
        }

        private ChannelInfo info(String id) {
            ChannelInfo known = channelInfo.get(id);
            if (known != null) return known;
            Channel c = channels.find(id).orElse(null);
            ChannelInfo info;
            if (c == null) {
                info = ChannelInfo.unready(id, String.format(Locale.ROOT, "no channel '%s' is installed (see channels list)", id));
            } else if (!c.missingSettings().isEmpty()) {
                info = ChannelInfo.unready(id, String.format(Locale.ROOT, "channel %s is not ready: missing %s", id,
                        String.join(", ", c.missingSettings())));
            } else {
                ChannelTraits traits = c.traits();
                RateSpec rate = options.rate() != null ? RateSpec.parse(options.rate()) : policy.rateFor(id, traits.defaultRatePerSecond());
                Optional<ChannelLocks.Held> lock = rate.unlimited() || !options.ledger() ? Optional.of(() -> { }) : locks.take(id);
                if (lock.isEmpty()) {
                    info = ChannelInfo.unready(id, String.format(Locale.ROOT, "channel %s is busy: another run is sending on it "
                            + "(one sender per channel keeps its rate); resume later", id));
                } else {
                    held.add(lock.get());
                    info = new ChannelInfo(id, c, traits, rate, RateSpec.perSecond(c.senderRatePerSecond()), null);
                }
            }
            if (info.notReady() != null) log.warn("delivery run {} of campaign {}: {}; its messages stay pending", runId, campaignId, info.notReady());
            channelInfo.putIfAbsent(id, info);
            return channelInfo.get(id);
        }

        void stopByOperator(String english) {
            byOperator = true;
            halt(english);
        }

        /** Stops the run once: the English text goes to the database and the log, the translated one to the report. */
        private void halt(String english, Object... values) {
            String why = String.format(Locale.ROOT, english, values);
            if (halt.compareAndSet(null, why)) {
                haltShown = Tr.f(english, values);
                log.warn("delivery run {} of campaign {} stops: {}", runId, campaignId, why);
            }
        }

        private void count(String what) {
            counts.computeIfAbsent(what, k -> new LongAdder()).increment();
        }

        private long n(String what) {
            LongAdder a = counts.get(what);
            return a == null ? 0 : a.sum();
        }

        void heartbeat() {
            if (options.cancelled() != null && options.cancelled().getAsBoolean()) {
                stopByOperator(Tr.n("the campaign was cancelled"));
            }
            try {
                runs.heartbeat(runId, streamed.get(), shop.now());
            } catch (RuntimeException e) {
                log.warn("heartbeat of run {} failed", runId, e);
            }
        }

        SendReport report(Duration took) {
            Map<String, Long> skipped = new TreeMap<>();
            Map<String, Long> already = new TreeMap<>();
            Map<String, Long> notReady = new TreeMap<>();
            counts.forEach((k, v) -> {
                if (k.startsWith("not-ready:")) notReady.put(k.substring(10), v.sum());
                if (k.startsWith("skipped:")) skipped.put(k.substring(8), v.sum());
                if (k.startsWith("already:")) already.put(k.substring(8), v.sum());
            });
            long sent = options.ledger() ? n("sent") : n("accepted");
            long failed = options.ledger() ? n("failed") : n("permanent");
            long pending = options.ledger() ? n("pending") : n("transient");
            String nextDue = options.ledger() && (n("deferred") > 0 || pending > 0 || n("not-due") > 0)
                    ? ledger.nextDue(campaignId).orElse(null) : null;
            return new SendReport(campaignId, runId, streamed.get(), complete && halt.get() == null, sent, failed, n("unknown"),
                    pending, n("deferred"), skipped, already, n("not-due"), n("retries"), haltShown, nextDue, took, notReady,
                    byOperator);
        }
    }

    /** A channel as a run uses it; {@code notReady} says why it cannot send now (then only id is set). */
    private record ChannelInfo(String id, Channel channel, ChannelTraits traits, RateSpec rate, RateSpec senderRate, String notReady) {

        static ChannelInfo unready(String id, String why) {
            return new ChannelInfo(id, null, null, null, null, why);
        }

        boolean ready() {
            return notReady == null;
        }
    }

    /** Messages of one channel that travel together (one, or a provider batch), and when they may go. */
    private record Work(List<DeliveryRequest> requests, int tries, long notBeforeNanos) implements Delayed {
        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(notBeforeNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed o) {
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), o.getDelay(TimeUnit.NANOSECONDS));
        }
    }

    private static List<DeliveryResult> unknownFor(int n, String detail) {
        List<DeliveryResult> l = new ArrayList<>();
        for (int i = 0; i < n; i++) l.add(DeliveryResult.unknown(detail));
        return l;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
