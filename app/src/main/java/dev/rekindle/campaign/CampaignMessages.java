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
import dev.rekindle.strategy.Snapshots;
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

    public static final String ERASED = "erased";
    private static final SkipReason ERASED_REASON = new SkipReason(ERASED, "personal data erased since planning");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> FACTS = new TypeReference<>() { };
    private static final int CHUNK = 1000;

    private final CampaignRepository campaigns;
    private final Snapshots snapshots;
    private final CustomerViewReader reader;
    private final Guard guard;
    private final ChannelKinds kinds;
    private final TemplateEngine engine;
    private final MessageModel model;

    public CampaignMessages(CampaignRepository campaigns, Snapshots snapshots, CustomerViewReader reader, Guard guard,
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
     *
     * @return the number of members handled (messages and skips)
     */
    public long forEach(long campaignId, long afterCustomerId, long limit, Consumer<PlannedMessage> sink) {
        Campaign c = require(campaignId);
        Snapshot snapshot = snapshots.find(c.snapshotId()).orElseThrow(() -> new UserException("campaign " + c.id()
                + " was planned on snapshot " + c.snapshotId() + ", which no longer exists: plan it again"));
        Map<String, Offer> offers = campaigns.offers(c.id());
        Map<String, String> campaignFacts = c.facts() == null ? Map.of() : JSON.readValue(c.facts(), FACTS);
        MessageModel.Factory models = model.forCampaign(new CampaignRef(c.id(), c.name(), c.strategy(), c.purpose(), c.asOf()));
        Map<String, PreparedTemplate> templates = new HashMap<>();
        CampaignTerms terms = c.terms();
        long done = 0;
        long after = afterCustomerId;
        while (limit <= 0 || done < limit) {
            int n = (int) (limit <= 0 ? CHUNK : Math.min(CHUNK, limit - done));
            List<CampaignRepository.Member> members = campaigns.members(c.id(), "target", after, n);
            if (members.isEmpty()) {
                break;
            }
            Map<Long, Candidate> customers = new HashMap<>(members.size() * 2);
            for (Candidate cand : reader.byIds(snapshot, members.stream().map(CampaignRepository.Member::customerId).toList())) {
                customers.put(cand.view().id(), cand);
            }
            for (CampaignRepository.Member m : members) {
                sink.accept(render(c, terms, m, customers.get(m.customerId()), offers, campaignFacts, models, templates));
                done++;
            }
            after = members.get(members.size() - 1).customerId();
            if (members.size() < n) {
                break;
            }
        }
        return done;
    }

    private PlannedMessage render(Campaign c, CampaignTerms terms, CampaignRepository.Member m, Candidate cand,
            Map<String, Offer> offers, Map<String, String> campaignFacts, MessageModel.Factory models,
            Map<String, PreparedTemplate> templates) {
        if (cand == null) {
            return new PlannedMessage.Skip(m.customerId(), "", m.channel(), ERASED_REASON);
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
        Map<String, String> params = new HashMap<>(facts);
        if (offer != null) {
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
