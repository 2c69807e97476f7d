package dev.rekindle.campaign;

import dev.rekindle.delivery.DeliveryRequest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.springframework.stereotype.Component;

/**
 * A campaign's rendered messages as the delivery engine's input: a lazy stream read a page of members at
 * a time (never the whole campaign in memory), the same messages again on every resume. Members the
 * re-check before rendering refuses (opted out since planning, data erased…) are handed on too, as
 * messages to skip with that reason: every target ends with a ledger row. Each message carries its
 * occasion, so the ledger can keep to one message per customer and occasion across campaigns.
 */
@Component
public class CampaignDeliveries {

    private static final int PAGE = 1000;

    private final CampaignMessages messages;
    private final CampaignRepository campaigns;

    public CampaignDeliveries(CampaignMessages messages, CampaignRepository campaigns) {
        this.messages = messages;
        this.campaigns = campaigns;
    }

    public Stream<DeliveryRequest> of(Campaign campaign) {
        Iterator<DeliveryRequest> pages = new Iterator<>() {
            private final List<DeliveryRequest> page = new ArrayList<>();
            private int next;
            private long after;
            private boolean exhausted;

            @Override
            public boolean hasNext() {
                while (next >= page.size() && !exhausted) {
                    page.clear();
                    next = 0;
                    long[] last = {after};
                    List<PlannedMessage> planned = new ArrayList<>();
                    long handled = messages.forEach(campaign.id(), after, PAGE, m -> {
                        last[0] = Math.max(last[0], m.customerId());
                        planned.add(m);
                    });
                    java.util.Map<Long, String> occasions = campaigns.occasions(campaign.id(), after, last[0]);
                    for (PlannedMessage m : planned) {
                        page.add(m instanceof PlannedMessage.Message msg ? toRequest(campaign, msg, occasions.get(m.customerId()))
                                : skipped(campaign, (PlannedMessage.Skip) m, occasions.get(m.customerId())));
                    }
                    after = last[0];
                    exhausted = handled < PAGE;
                }
                return next < page.size();
            }

            @Override
            public DeliveryRequest next() {
                if (!hasNext()) throw new NoSuchElementException();
                return page.get(next++);
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(pages, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    private static DeliveryRequest toRequest(Campaign c, PlannedMessage.Message m, String occasion) {
        var out = m.message();
        return new DeliveryRequest(c.id(), m.customerId(), m.buyerId(), m.channel(), out.recipient(), out.subject(),
                out.text(), out.html(), out.purpose() == null ? c.purpose() : out.purpose(), out.params(), false, occasion, null);
    }

    private static DeliveryRequest skipped(Campaign c, PlannedMessage.Skip s, String occasion) {
        return new DeliveryRequest(c.id(), s.customerId(), s.buyerId(), s.channel(), null, null, null, null, c.purpose(), null,
                false, occasion, s.reason());
    }
}
