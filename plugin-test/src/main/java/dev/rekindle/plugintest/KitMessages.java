package dev.rekindle.plugintest;

import dev.rekindle.api.ContactKind;
import dev.rekindle.api.Purpose;
import dev.rekindle.delivery.DeliveryRequest;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * The messages the kit sends: made-up customers (ids far above any real one, so no customer row, consent or
 * history applies; care passes the guard), one per customer, each a short care text with the shop's
 * signature. The same campaign and count give the same messages, so a resume re-reads the same source.
 */
final class KitMessages {

    /** Made-up customers get ids above this. */
    static final long CUSTOMER_BASE = 2_000_000_000L;

    private KitMessages() {
    }

    /** The default address of made-up customer {@code i} for a contact kind: a mobile, an email, or an id of its own. */
    static String address(ContactKind kind, int i) {
        if (ContactKind.MOBILE.equals(kind)) return String.format("137%08d", i);
        if (ContactKind.EMAIL.equals(kind)) return "kit" + i + "@example.com";
        if (ContactKind.GROUP.equals(kind)) return "kit-group-" + i;
        return "kit-" + String.valueOf(kind).toLowerCase(java.util.Locale.ROOT) + "-" + i;
    }

    static List<DeliveryRequest> of(long campaign, String channel, ContactKind kind, int count, IntFunction<String> recipients) {
        boolean group = ContactKind.GROUP.equals(kind);
        return IntStream.rangeClosed(1, count).mapToObj(i -> {
            String to = recipients != null ? recipients.apply(i) : address(kind, i);
            String text = "【小店】Rekindle plugin kit, message " + i + " of campaign " + campaign;
            return new DeliveryRequest(campaign, group ? 0 : CUSTOMER_BASE + i, "kit-buyer-" + i, channel, to,
                    "Rekindle plugin kit " + campaign, text, "<p>" + text + "</p>", Purpose.CARE, Map.of("name", "顾客" + i), false);
        }).toList();
    }
}
