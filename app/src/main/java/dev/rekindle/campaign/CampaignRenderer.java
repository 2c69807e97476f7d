package dev.rekindle.campaign;

import dev.rekindle.api.ContactKind;
import dev.rekindle.api.Offer;
import dev.rekindle.guard.CampaignTerms;
import dev.rekindle.guard.ChannelKinds;
import dev.rekindle.guard.Guard;
import dev.rekindle.guard.Recipient;
import dev.rekindle.guard.SkipReason;
import dev.rekindle.strategy.PackedCustomer;
import dev.rekindle.template.CampaignRef;
import dev.rekindle.template.MaskedAddress;
import dev.rekindle.template.MessageModel;
import dev.rekindle.template.PreparedTemplate;
import dev.rekindle.template.Rendered;
import dev.rekindle.template.SmsLength;
import dev.rekindle.template.TemplateCustomer;
import dev.rekindle.template.TemplateEngine;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders targets of one campaign into their messages: the guard re-checks each recipient's channel first
 * (an opt-out recorded after planning is honoured, yielded as a {@link PlannedMessage.Skip}). Holds the
 * campaign's prepared templates and model factory: one per thread.
 */
final class CampaignRenderer {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> FACTS = new TypeReference<>() { };

    private final Campaign c;
    private final CampaignTerms terms;
    private final Map<String, Offer> offers;
    private final Map<String, String> campaignFacts;
    private final MessageModel.Factory models;
    private final Map<String, PreparedTemplate> templates = new HashMap<>();
    private final Map<String, TemplateEngine.Source> pinned;
    private final Guard guard;
    private final ChannelKinds kinds;
    private final TemplateEngine engine;

    /**
     * @param pinned the templates the campaign was approved with, by channel
     * @param offers the campaign's offers by code
     */
    CampaignRenderer(Campaign c, Map<String, TemplateEngine.Source> pinned, Map<String, Offer> offers, MessageModel model,
            Guard guard, ChannelKinds kinds, TemplateEngine engine) {
        this.pinned = pinned;
        this.c = c;
        this.terms = c.terms();
        this.offers = offers;
        this.campaignFacts = c.facts() == null ? Map.of() : Map.copyOf(JSON.readValue(c.facts(), FACTS));
        this.models = model.forCampaign(new CampaignRef(c.id(), c.name(), c.strategy(), c.purpose(), c.asOf()));
        this.guard = guard;
        this.kinds = kinds;
        this.engine = engine;
    }

    long all(List<CampaignTargets.TargetRow> rows, Consumer<PlannedMessage> sink) {
        for (CampaignTargets.TargetRow row : rows) {
            sink.accept(render(row));
        }
        return rows.size();
    }

    // members of a campaign mostly share one or two channels: the last one's kind and template are at hand
    private String lastChannel;
    private ContactKind lastKind;
    private PreparedTemplate lastTemplate;

    /** The channel's contact kind; a new channel also drops the last one's template. */
    ContactKind kind(String channel) {
        if (!channel.equals(lastChannel)) {
            lastKind = kinds.require(channel);
            lastTemplate = null;
            lastChannel = channel;
        }
        return lastKind;
    }

    /**
     * The template of the channel last asked for by {@link #kind}, as the campaign approved it (today's file
     * for campaigns planned before that was kept); prepared once per channel, when a message first needs it.
     */
    private PreparedTemplate template() {
        if (lastTemplate == null) {
            lastTemplate = templates.computeIfAbsent(lastChannel, ch -> pinned.containsKey(ch)
                    ? engine.preparePinned(pinned.get(ch), lastKind) : engine.prepare(c.template(), ch, lastKind));
        }
        return lastTemplate;
    }

    PlannedMessage render(CampaignTargets.TargetRow row) {
        CampaignRepository.Member m = row.target().member();
        if (row.target().erased()) {
            return new PlannedMessage.Skip(m.customerId(), "", m.channel(), SkipReason.ERASED);
        }
        ContactKind kind = kind(m.channel());
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
        PreparedTemplate template = template(); // the channel kind() was asked for above
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
}
