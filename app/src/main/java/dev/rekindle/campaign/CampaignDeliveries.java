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
 * planner's guard now refuses (opted out since planning, data erased…) are not handed on: they stay
 * recorded with their reason in the campaign, and the engine's own guards check everything again.
 */
@Component
public class CampaignDeliveries {

    private static final int PAGE = 1000;

    private final CampaignMessages messages;

    public CampaignDeliveries(CampaignMessages messages) {
        this.messages = messages;
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
                    long handled = messages.forEach(campaign.id(), after, PAGE, m -> {
                        last[0] = Math.max(last[0], m.customerId());
                        if (m instanceof PlannedMessage.Message msg) {
                            page.add(toRequest(campaign, msg));
                        }
                    });
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

    private static DeliveryRequest toRequest(Campaign c, PlannedMessage.Message m) {
        var out = m.message();
        return new DeliveryRequest(c.id(), m.customerId(), m.buyerId(), m.channel(), out.recipient(), out.subject(),
                out.text(), out.html(), out.purpose() == null ? c.purpose() : out.purpose(), out.params(), false);
    }
}
