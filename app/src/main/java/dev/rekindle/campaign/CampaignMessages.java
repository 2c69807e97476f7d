package dev.rekindle.campaign;

import dev.rekindle.guard.ChannelKinds;
import dev.rekindle.guard.Guard;
import dev.rekindle.i18n.Tr;
import dev.rekindle.console.UserException;
import dev.rekindle.strategy.Candidate;
import dev.rekindle.guard.Recipient;
import dev.rekindle.strategy.CustomerViewReader;
import dev.rekindle.strategy.PackedCustomer;
import dev.rekindle.strategy.Snapshot;
import dev.rekindle.strategy.PlanningSnapshots;
import dev.rekindle.template.MessageModel;
import dev.rekindle.template.TemplateEngine;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;

/**
 * The planned messages of a campaign, rendered one recipient at a time in customer order — what a dry
 * run writes and what send mode delivers. Nothing is held in memory beyond one chunk, so a million
 * recipients stream in constant space. The targets are read by {@link CampaignTargets} and rendered by a
 * {@link CampaignRenderer}, which has the guard re-check each recipient's channel first.
 */
@Service
public class CampaignMessages {

    static final int CHUNK = 4096;

    private final CampaignRepository campaigns;
    private final PlanningSnapshots snapshots;
    private final CampaignTargets targets;
    private final Guard guard;
    private final ChannelKinds kinds;
    private final TemplateEngine engine;
    private final MessageModel model;
    private final CampaignTemplates approved;

    public CampaignMessages(CampaignRepository campaigns, PlanningSnapshots snapshots, CampaignTargets targets, Guard guard,
            ChannelKinds kinds, TemplateEngine engine, MessageModel model, CampaignTemplates approved) {
        this.approved = approved;
        this.campaigns = campaigns;
        this.snapshots = snapshots;
        this.targets = targets;
        this.guard = guard;
        this.kinds = kinds;
        this.engine = engine;
        this.model = model;
    }

    public Campaign require(long id) {
        return campaigns.find(id).orElseThrow(() -> new UserException(Tr.f("no campaign %s. See campaigns list", id)));
    }

    private Snapshot snapshotOf(Campaign c) {
        return snapshots.find(c.snapshotId()).orElseThrow(() -> new UserException(Tr.f(
                "campaign %d was planned on snapshot %d, which no longer exists: plan it again", c.id(), c.snapshotId())));
    }

    /** A renderer for one thread: the campaign's approved templates, offers and model. */
    private CampaignRenderer renderer(Campaign c) {
        return new CampaignRenderer(c, approved.pinned(c.id()), campaigns.offers(c.id()), model, guard, kinds, engine);
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
        Snapshot snapshot = snapshotOf(c);
        CampaignRenderer renderer = renderer(c);
        ChunkSource source = new ChunkSource(c.id(), snapshot, afterCustomerId, limit);
        if (limit > 0 && limit <= CHUNK) {
            return renderer.all(source.next().members(), sink);
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
                done += renderer.all(chunk.members(), sink);
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
        Snapshot snapshot = snapshotOf(c);
        int n = Math.max(1, threads);
        TargetRanges ranges = new TargetRanges(campaigns, c.id(), Math.max(1, chunk));
        InOrder<R> ordered = new InOrder<>(inOrder, 2 * n);
        AtomicLong cpuNanos = new AtomicLong();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        Runnable worker = () -> {
            long cpuStart = cpu.getCurrentThreadCpuTime();
            try {
                CampaignRenderer renderer = renderer(c);
                ChunkWork<R> work = works.get();
                while (ordered.acquire()) {
                    TargetRanges.Range range = ranges.next();
                    if (range == null) {
                        ordered.release();
                        return;
                    }
                    RuntimeException failure = null;
                    long handled = 0;
                    try {
                        for (CampaignTargets.TargetRow row : targets.in(snapshot, c.id(), range)) {
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

    /** A chunk of targeted members with their customers; {@code last} ends the run. */
    private record Chunk(List<CampaignTargets.TargetRow> members, boolean last) {
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
            List<CampaignTargets.TargetRow> members = targets.after(snapshot, campaignId, after, n);
            read += members.size();
            if (!members.isEmpty()) {
                after = members.get(members.size() - 1).target().member().customerId();
            }
            return new Chunk(members, members.size() < n || (limit > 0 && read >= limit));
        }
    }

    /** One key per campaign, customer and channel: the same message is never delivered twice. */
    public static String idempotencyKey(long campaignId, long customerId, String channel) {
        return "c" + campaignId + "-" + customerId + "-" + channel;
    }
}
