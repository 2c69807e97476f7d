package dev.rekindle.campaign;

import dev.rekindle.api.ContactKind;
import dev.rekindle.api.Offer;
import dev.rekindle.api.OutboundMessage;
import dev.rekindle.guard.CampaignTerms;
import dev.rekindle.guard.ChannelKinds;
import dev.rekindle.guard.Guard;
import dev.rekindle.guard.SkipReason;
import dev.rekindle.shell.UserException;
import dev.rekindle.strategy.Candidate;
import dev.rekindle.strategy.CustomerViewReader;
import dev.rekindle.strategy.Snapshot;
import dev.rekindle.strategy.PlanningSnapshots;
import dev.rekindle.template.CampaignRef;
import dev.rekindle.template.MaskedAddress;
import dev.rekindle.template.MessageModel;
import dev.rekindle.template.PreparedTemplate;
import dev.rekindle.template.Rendered;
import dev.rekindle.template.SmsLength;
import dev.rekindle.template.TemplateEngine;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
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
    private static final int CHUNK = 1000;

    private final CampaignRepository campaigns;
    private final PlanningSnapshots snapshots;
    private final CustomerViewReader reader;
    private final Guard guard;
    private final ChannelKinds kinds;
    private final TemplateEngine engine;
    private final MessageModel model;

    public CampaignMessages(CampaignRepository campaigns, PlanningSnapshots snapshots, CustomerViewReader reader, Guard guard,
            ChannelKinds kinds, TemplateEngine engine, MessageModel model) {
        this.campaigns = campaigns;
        this.snapshots = snapshots;
        this.reader = reader;
        this.guard = guard;
        this.kinds = kinds;
        this.engine = engine;
        this.model = model;
    }

    public Campaign require(long id) {
        return campaigns.find(id).orElseThrow(() -> new UserException("no campaign " + id + ". See campaigns list"));
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
        Snapshot snapshot = snapshots.find(c.snapshotId()).orElseThrow(() -> new UserException("campaign " + c.id()
                + " was planned on snapshot " + c.snapshotId() + ", which no longer exists: plan it again"));
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
            throw new UserException("interrupted", e);
        } finally {
            reading.interrupt();
        }
    }

    /** A chunk of targeted members with their customers; {@code last} ends the run. */
    private record Chunk(List<CustomerViewReader.Joined<Target>> members, boolean last) {
    }

    /** A member as planned, and whether the customer's data was erased since (PIPL). */
    private record Target(CampaignRepository.Member member, boolean erased) {
    }

    /** What a target's row adds to the customer's: read by {@link #target}. */
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
            List<CustomerViewReader.Joined<Target>> members = reader.joined(snapshot, "campaign_members m", MEMBER_COLUMNS,
                    "m.campaign_id = ? AND m.status = 'target' AND m.customer_id > ?", List.of(campaignId, after),
                    "m.customer_id", n, CampaignMessages::target);
            read += members.size();
            if (!members.isEmpty()) {
                after = members.get(members.size() - 1).extra().member().customerId();
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

        Renderer(Campaign c) {
            this.c = c;
            this.terms = c.terms();
            this.offers = campaigns.offers(c.id());
            this.campaignFacts = c.facts() == null ? Map.of() : Map.copyOf(JSON.readValue(c.facts(), FACTS));
            this.models = model.forCampaign(new CampaignRef(c.id(), c.name(), c.strategy(), c.purpose(), c.asOf()));
        }

        long all(Chunk chunk, Consumer<PlannedMessage> sink) {
            for (CustomerViewReader.Joined<Target> j : chunk.members()) {
                Target t = j.extra();
                sink.accept(render(c, terms, t.member(), t.erased() ? null : j.candidate(), offers, campaignFacts, models, templates));
            }
            return chunk.members().size();
        }
    }

    private PlannedMessage render(Campaign c, CampaignTerms terms, CampaignRepository.Member m, Candidate cand,
            Map<String, Offer> offers, Map<String, String> campaignFacts, MessageModel.Factory models,
            Map<String, PreparedTemplate> templates) {
        if (cand == null) {
            return new PlannedMessage.Skip(m.customerId(), "", m.channel(), SkipReason.ERASED);
        }
        String buyerId = cand.view().buyerId();
        ContactKind kind = kinds.require(m.channel());
        SkipReason refused = guard.recheck(terms, cand.recipient(), m.channel(), kind).orElse(null);
        if (refused != null) {
            return new PlannedMessage.Skip(m.customerId(), buyerId, m.channel(), refused);
        }
        PreparedTemplate template = templates.computeIfAbsent(m.channel(), ch -> engine.prepare(c.template(), ch, kind));
        Map<String, String> facts = campaignFacts;
        if (m.facts() != null) {
            facts = new HashMap<>(campaignFacts);
            facts.putAll(JSON.readValue(m.facts(), FACTS));
        }
        Offer offer = m.offerCode() == null ? null : offers.get(m.offerCode());
        Rendered r = template.render(models.model(cand.view(), offer, facts));
        String address = cand.recipient().address(kind);
        Map<String, String> params = facts;
        if (offer != null) {
            params = new HashMap<>(facts);
            params.put("offer", offer.title());
        }
        OutboundMessage msg = new OutboundMessage(idempotencyKey(c.id(), m.customerId(), m.channel()), c.id(), buyerId,
                address, r.subject(), r.text(), r.html(), c.purpose(), params);
        return new PlannedMessage.Message(m.customerId(), buyerId, m.channel(), kind, msg, MaskedAddress.of(kind, address),
                c.strategy(), offer, r.template(), kind == ContactKind.MOBILE ? SmsLength.parts(r.text()) : 0);
    }

    /** One key per campaign, customer and channel: the same message is never delivered twice. */
    public static String idempotencyKey(long campaignId, long customerId, String channel) {
        return "c" + campaignId + "-" + customerId + "-" + channel;
    }
}
