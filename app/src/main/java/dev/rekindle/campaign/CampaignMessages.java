package dev.rekindle.campaign;

import dev.rekindle.api.ContactKind;
import dev.rekindle.api.Offer;
import dev.rekindle.guard.CampaignTerms;
import dev.rekindle.guard.ChannelKinds;
import dev.rekindle.guard.Guard;
import dev.rekindle.guard.SkipReason;
import dev.rekindle.i18n.Tr;
import dev.rekindle.console.UserException;
import dev.rekindle.strategy.Candidate;
import dev.rekindle.guard.Recipient;
import dev.rekindle.strategy.CustomerViewReader;
import dev.rekindle.strategy.PackedCustomer;
import dev.rekindle.strategy.Snapshot;
import dev.rekindle.strategy.PlanningSnapshots;
import dev.rekindle.template.CampaignRef;
import dev.rekindle.template.MaskedAddress;
import dev.rekindle.template.MessageModel;
import dev.rekindle.template.PreparedTemplate;
import dev.rekindle.template.Rendered;
import dev.rekindle.template.SmsLength;
import dev.rekindle.template.TemplateCustomer;
import dev.rekindle.template.TemplateEngine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The planned messages of a campaign, rendered one recipient at a time in customer order — what a dry
 * run writes and what send mode delivers. Nothing is held in memory beyond one chunk, so a million
 * recipients stream in constant space. Before rendering, the guard re-checks each recipient's channel:
 * an opt-out recorded after planning is honoured (yielded as a {@link PlannedMessage.Skip}). The holdout
 * is never re-drawn: only members planned as targets are read.
 */
@Service
public class CampaignMessages {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> FACTS = new TypeReference<>() { };
    static final int CHUNK = 4096;

    private final CampaignRepository campaigns;
    private final PlanningSnapshots snapshots;
    private final CustomerViewReader reader;
    private final Guard guard;
    private final ChannelKinds kinds;
    private final TemplateEngine engine;
    private final MessageModel model;
    private final CampaignTemplates approved;

    public CampaignMessages(CampaignRepository campaigns, PlanningSnapshots snapshots, CustomerViewReader reader, Guard guard,
            ChannelKinds kinds, TemplateEngine engine, MessageModel model, CampaignTemplates approved) {
        this.approved = approved;
        this.campaigns = campaigns;
        this.snapshots = snapshots;
        this.reader = reader;
        this.guard = guard;
        this.kinds = kinds;
        this.engine = engine;
        this.model = model;
    }

    public Campaign require(long id) {
        return campaigns.find(id).orElseThrow(() -> new UserException(Tr.f("no campaign %s. See campaigns list", id)));
    }

    /**
     * Renders the targets of a campaign with customer id greater than {@code afterCustomerId}, at most
     * {@code limit} of them (≤ 0: all), in customer order. Resumable: pass the last customer id seen.
     * Large runs read the next chunk from the database on a second thread while this one renders.
     *
     * @return the number of members handled (messages and skips)
     */
    public long forEach(long campaignId, long afterCustomerId, long limit, Consumer<PlannedMessage> sink) {
        Campaign c = require(campaignId);
        Snapshot snapshot = snapshots.find(c.snapshotId()).orElseThrow(() -> new UserException(Tr.f(
                "campaign %d was planned on snapshot %d, which no longer exists: plan it again", c.id(), c.snapshotId())));
        Renderer renderer = new Renderer(c);
        ChunkSource source = new ChunkSource(c.id(), snapshot, afterCustomerId, limit);
        if (limit > 0 && limit <= CHUNK) {
            return renderer.all(source.next(), sink);
        }
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(3);
        Thread reading = new Thread(() -> {
            try {
                Chunk chunk;
                do {
                    chunk = source.next();
                    queue.put(chunk);
                } while (!chunk.last());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | Error e) {
                queue.offer(e);
            }
        }, "campaign-" + c.id() + "-reader");
        reading.setDaemon(true);
        reading.start();
        long done = 0;
        try {
            while (true) {
                Object next = queue.take();
                if (next instanceof RuntimeException e) throw e;
                if (next instanceof Error e) throw e;
                Chunk chunk = (Chunk) next;
                done += renderer.all(chunk, sink);
                if (chunk.last()) {
                    return done;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserException(Tr.t("interrupted"), e);
        } finally {
            reading.interrupt();
        }
    }

    /** Work for one thread of {@link #renderInOrder}: the messages of a chunk, then the chunk's result. */
    public interface ChunkWork<R> {

        /** One member's message or skip, in customer order within the chunk. */
        void accept(PlannedMessage planned);

        /** Ends the chunk: its result, handed over in chunk order; the work starts afresh for the next chunk. */
        R finish();
    }

    /**
     * Renders every target of a campaign on {@code threads} threads, {@code chunk} members at a time, and
     * hands each chunk's result to {@code inOrder} in customer order, one chunk at a time: what comes out is
     * exactly what a single thread produces, only sooner. Each thread reads its own chunks (SQLite serves
     * readers side by side) and renders them with its own templates and model; at most two chunks per
     * thread wait in memory. A failure stops the run: the results before it are handed over (including the
     * failing chunk's messages before it), then it is thrown here.
     *
     * @return the number of members handled (messages and skips)
     */
    public <R> long renderInOrder(long campaignId, int threads, int chunk, Supplier<? extends ChunkWork<R>> works,
            Consumer<R> inOrder) {
        Campaign c = require(campaignId);
        Snapshot snapshot = snapshots.find(c.snapshotId()).orElseThrow(() -> new UserException(Tr.f(
                "campaign %d was planned on snapshot %d, which no longer exists: plan it again", c.id(), c.snapshotId())));
        int n = Math.max(1, threads);
        Ranges ranges = new Ranges(c.id(), Math.max(1, chunk));
        InOrder<R> ordered = new InOrder<>(inOrder, 2 * n);
        java.util.concurrent.atomic.AtomicLong cpuNanos = new java.util.concurrent.atomic.AtomicLong();
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        Runnable worker = () -> {
            long cpuStart = cpu.getCurrentThreadCpuTime();
            try {
                Renderer renderer = new Renderer(c);
                ChunkWork<R> work = works.get();
                while (ordered.acquire()) {
                    Range range = ranges.next();
                    if (range == null) {
                        ordered.release();
                        return;
                    }
                    RuntimeException failure = null;
                    long handled = 0;
                    try {
                        for (TargetRow row : read(snapshot, c.id(), range)) {
                            work.accept(renderer.render(row));
                            handled++;
                        }
                    } catch (RuntimeException e) {
                        failure = e;
                    }
                    ordered.done(range.seq(), work.finish(), handled, failure);
                }
            } catch (RuntimeException | Error e) {
                ordered.fail(e);
            } finally {
                cpuNanos.addAndGet(cpu.getCurrentThreadCpuTime() - cpuStart);
            }
        };
        List<Thread> helpers = new ArrayList<>();
        for (int i = 1; i < n; i++) {
            Thread t = new Thread(worker, "campaign-" + c.id() + "-render-" + i);
            t.setDaemon(true);
            t.start();
            helpers.add(t);
        }
        worker.run();
        for (Thread t : helpers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ordered.fail(new UserException(Tr.t("interrupted"), e));
                helpers.forEach(Thread::interrupt);
                break;
            }
        }
        if (Boolean.getBoolean("rekindle.bench")) {
            // CPU the rendering threads used (read, guard, render, encode): unlike the time taken, other work on the machine
            // leaves it alone
            System.err.printf("rekindle-bench render-threads=%d render-cpu-ms=%d%n", n, cpuNanos.get() / 1_000_000);
        }
        return ordered.result();
    }

    /** The next chunk's bounds: customer ids in (after, last]; {@code last} null for the final chunk. */
    private record Range(long seq, long after, Long last) {
    }

    /**
     * Hands out chunks of exactly {@code size} targets (fewer at the end) to the threads in turn: the
     * chunk's last customer id is found by skipping along the members index, which costs microseconds.
     */
    private final class Ranges {
        private final long campaignId;
        private final int size;
        private long after = Long.MIN_VALUE;
        private long seq;
        private boolean done;

        Ranges(long campaignId, int size) {
            this.campaignId = campaignId;
            this.size = size;
        }

        synchronized Range next() {
            if (done) {
                return null;
            }
            Range r = new Range(seq++, after, campaigns.targetAfter(campaignId, after, size - 1).orElse(null));
            if (r.last() == null) {
                done = true;
            } else {
                after = r.last();
            }
            return r;
        }
    }

    private List<TargetRow> read(Snapshot snapshot, long campaignId, Range r) {
        long last = r.last() == null ? Long.MAX_VALUE : r.last();
        return targets(snapshot, "m.campaign_id = ? AND m.status = 'target' AND m.customer_id > ? AND m.customer_id <= ?",
                List.of(campaignId, r.after(), last), Integer.MAX_VALUE);
    }

    /**
     * Targets with their customers, in customer order: from the rows packed when the campaign was planned,
     * or, when a customer changed since (or the campaign predates packed rows), read live. Both give the same
     * messages for unchanged customers.
     */
    private List<TargetRow> targets(Snapshot snapshot, String where, List<Object> params, int limit) {
        return reader.packed("SELECT m.planned_row FROM campaign_members m WHERE " + where + " ORDER BY m.customer_id LIMIT "
                        + limit, params, MEMBER_COLUMNS.size(), CampaignMessages::target)
                .map(rows -> rows.stream().map(p -> new TargetRow(p.extra(), null, p)).toList())
                .orElseGet(() -> reader.joined(snapshot, "campaign_members m", MEMBER_COLUMNS, where, params, "m.customer_id",
                        limit, CampaignMessages::target).stream().map(j -> new TargetRow(j.extra(), j.candidate(), null)).toList());
    }

    /** One target as read: with its customer read live, or from the row packed when planning. */
    private record TargetRow(Target target, Candidate live, CustomerViewReader.Packed<Target> packed) {
    }

    /**
     * Chunk results waiting for their turn: handed to the consumer strictly in sequence, by whichever thread
     * completes the next one. Permits bound the chunks claimed but not yet handed over.
     */
    private static final class InOrder<R> {
        private final Consumer<R> consumer;
        private final Semaphore permits;
        private final Map<Long, Done<R>> waiting = new HashMap<>();
        private long next;
        private long handled;
        private volatile Throwable failure;

        private record Done<R>(R result, long handled, RuntimeException failure) {
        }

        InOrder(Consumer<R> consumer, int permits) {
            this.consumer = consumer;
            this.permits = new Semaphore(permits);
        }

        /** Waits for room for one more chunk; false once the run has failed. */
        boolean acquire() {
            try {
                permits.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail(new UserException(Tr.t("interrupted"), e));
                return false;
            }
            if (failure != null) {
                permits.release();
                return false;
            }
            return true;
        }

        void release() {
            permits.release();
        }

        synchronized void done(long seq, R result, long count, RuntimeException chunkFailure) {
            waiting.put(seq, new Done<>(result, count, chunkFailure));
            Done<R> d;
            while (failure == null && (d = waiting.remove(next)) != null) {
                next++;
                try {
                    consumer.accept(d.result());
                } catch (RuntimeException | Error e) {
                    fail(e);
                    return;
                }
                handled += d.handled();
                permits.release();
                if (d.failure() != null) {
                    fail(d.failure());
                }
            }
        }

        void fail(Throwable e) {
            synchronized (this) {
                if (failure == null) {
                    failure = e;
                }
            }
            permits.release(1 << 16); // wake every thread waiting for room: they stop
        }

        synchronized long result() {
            if (failure instanceof RuntimeException e) throw e;
            if (failure instanceof Error e) throw e;
            return handled;
        }
    }

    /** A chunk of targeted members with their customers; {@code last} ends the run. */
    private record Chunk(List<TargetRow> members, boolean last) {
    }

    /** A member as planned, and whether the customer's data was erased since (PIPL). */
    private record Target(CampaignRepository.Member member, boolean erased) {
    }

    /** What a target's row adds to the customer's: read by {@link #target}; packed in this order when planned. */
    private static final List<String> MEMBER_COLUMNS = List.of("m.customer_id", "m.channel", "m.offer_code", "m.facts",
            "c.erased_at IS NOT NULL");

    private static Target target(String[] v) {
        return new Target(new CampaignRepository.Member(Long.parseLong(v[0]), "target", v[1], null, v[2], v[3]), "1".equals(v[4]));
    }

    /** Reads members with their customers a chunk at a time (keyset pagination on customer id). */
    private final class ChunkSource {
        private final long campaignId;
        private final Snapshot snapshot;
        private final long limit;
        private long after;
        private long read;

        ChunkSource(long campaignId, Snapshot snapshot, long after, long limit) {
            this.campaignId = campaignId;
            this.snapshot = snapshot;
            this.after = after;
            this.limit = limit;
        }

        Chunk next() {
            int n = (int) (limit <= 0 ? CHUNK : Math.min(CHUNK, limit - read));
            if (n <= 0) {
                return new Chunk(List.of(), true);
            }
            List<TargetRow> members = targets(snapshot,
                    "m.campaign_id = ? AND m.status = 'target' AND m.customer_id > ?", List.of(campaignId, after), n);
            read += members.size();
            if (!members.isEmpty()) {
                after = members.get(members.size() - 1).target().member().customerId();
            }
            return new Chunk(members, members.size() < n || (limit > 0 && read >= limit));
        }
    }

    /** Renders members of one campaign; holds its prepared templates and model factory (one thread). */
    private final class Renderer {
        private final Campaign c;
        private final CampaignTerms terms;
        private final Map<String, Offer> offers;
        private final Map<String, String> campaignFacts;
        private final MessageModel.Factory models;
        private final Map<String, PreparedTemplate> templates = new HashMap<>();
        private final Map<String, TemplateEngine.Source> pinned;

        Renderer(Campaign c) {
            this.pinned = approved.pinned(c.id());
            this.c = c;
            this.terms = c.terms();
            this.offers = campaigns.offers(c.id());
            this.campaignFacts = c.facts() == null ? Map.of() : Map.copyOf(JSON.readValue(c.facts(), FACTS));
            this.models = model.forCampaign(new CampaignRef(c.id(), c.name(), c.strategy(), c.purpose(), c.asOf()));
        }

        long all(Chunk chunk, Consumer<PlannedMessage> sink) {
            for (TargetRow row : chunk.members()) {
                sink.accept(render(row));
            }
            return chunk.members().size();
        }

        PlannedMessage render(TargetRow row) {
            return CampaignMessages.this.render(c, terms, row, offers, campaignFacts, models, templates, this);
        }

        /** The channel's template as the campaign approved it (today's file for campaigns planned before that was kept). */
        PreparedTemplate template(String channel, ContactKind kind) {
            return templates.computeIfAbsent(channel, ch -> pinned.containsKey(ch) ? engine.preparePinned(pinned.get(ch), kind)
                    : engine.prepare(c.template(), ch, kind));
        }

        private String lastChannel;
        private ContactKind lastKind;

        /** The channel's contact kind; members of a campaign mostly share one or two channels. */
        ContactKind kind(String channel) {
            if (!channel.equals(lastChannel)) {
                lastKind = kinds.require(channel);
                lastChannel = channel;
            }
            return lastKind;
        }
    }

    private PlannedMessage render(Campaign c, CampaignTerms terms, TargetRow row, Map<String, Offer> offers,
            Map<String, String> campaignFacts, MessageModel.Factory models, Map<String, PreparedTemplate> templates,
            Renderer renderer) {
        CampaignRepository.Member m = row.target().member();
        if (row.target().erased()) {
            return new PlannedMessage.Skip(m.customerId(), "", m.channel(), SkipReason.ERASED);
        }
        ContactKind kind = renderer.kind(m.channel());
        String buyerId;
        Recipient recipient;
        TemplateCustomer customer;
        if (row.packed() != null) {
            // only the planned channel's address: the guard and the message look at no other
            PackedCustomer p = row.packed().customer();
            buyerId = p.buyerId();
            String a = p.address(kind);
            recipient = new Recipient(m.customerId(), buyerId, a == null ? Map.of() : Map.of(kind, a), row.packed().consents());
            customer = new PackedTemplateCustomer(p);
        } else {
            buyerId = row.live().view().buyerId();
            recipient = row.live().recipient();
            customer = TemplateCustomer.of(row.live().view());
        }
        SkipReason refused = guard.recheck(terms, recipient, m.channel(), kind).orElse(null);
        if (refused != null) {
            return new PlannedMessage.Skip(m.customerId(), buyerId, m.channel(), refused);
        }
        PreparedTemplate template = renderer.template(m.channel(), kind);
        Map<String, String> facts = campaignFacts;
        if (m.facts() != null) {
            facts = new HashMap<>(campaignFacts);
            facts.putAll(JSON.readValue(m.facts(), FACTS));
        }
        Offer offer = m.offerCode() == null ? null : offers.get(m.offerCode());
        Rendered r = template.render(models.model(customer, offer, facts));
        String address = recipient.address(kind);
        return new PlannedMessage.Message(m.customerId(), buyerId, m.channel(), kind, c.id(), c.purpose(), address, r, facts,
                MaskedAddress.of(kind, address), c.strategy(), offer, kind == ContactKind.MOBILE ? SmsLength.parts(r.text()) : 0);
    }

    /** One key per campaign, customer and channel: the same message is never delivered twice. */
    public static String idempotencyKey(long campaignId, long customerId, String channel) {
        return "c" + campaignId + "-" + customerId + "-" + channel;
    }
}
