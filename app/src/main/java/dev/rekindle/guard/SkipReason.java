package dev.rekindle.guard;

import dev.rekindle.i18n.Tr;
import java.util.List;
import java.util.Optional;

/**
 * Why a customer gets no message (or not yet): the one set of codes planning, dry runs, sending and the
 * ledger share. The code is stored and exported; the label is shown in the interface language.
 */
public record SkipReason(String code, String label) {

    public static final SkipReason ALREADY_CONTACTED = new SkipReason("already-contacted", Tr.n("already contacted for this occasion"));
    public static final SkipReason NO_CONTACT = new SkipReason("no-contact", Tr.n("no contact data"));
    public static final SkipReason NOT_INSTALLED = new SkipReason("channel-not-installed", Tr.n("channel not installed"));
    public static final SkipReason CHANNEL_REFUSES_MARKETING = new SkipReason("channel-refuses-marketing",
            Tr.n("channel carries care only"));
    public static final SkipReason TOO_LONG = new SkipReason("too-long", Tr.n("text too long for the channel"));
    public static final SkipReason ERASED = new SkipReason("erased", Tr.n("personal data erased since planning"));
    public static final SkipReason OPTED_OUT = new SkipReason("opted-out", Tr.n("opted out of all contact"));
    public static final SkipReason REFUSED = new SkipReason("refused", Tr.n("refused this channel"));
    public static final SkipReason NO_CONSENT = new SkipReason("no-consent", Tr.n("no marketing consent"));
    public static final SkipReason GAVE_UP = new SkipReason("gave-up", Tr.n("gave up: no order after several messages"));
    public static final SkipReason HOLDOUT = new SkipReason("holdout", Tr.n("in holdout (control group)"));

    /** Reasons of rows that are not skipped but wait: quiet hours, and a channel that is not ready. */
    public static final SkipReason QUIET_HOURS = new SkipReason("quiet-hours", Tr.n("quiet hours"));
    public static final SkipReason CHANNEL_NOT_READY = new SkipReason("channel-not-ready", Tr.n("channel not ready"));
    /** The operator cancelled the campaign before the message went out. */
    public static final SkipReason CANCELLED = new SkipReason("cancelled", Tr.n("campaign cancelled"));
    /** Not a skip: the app stopped while the message was being handed over, so it may have gone out (state unknown). */
    public static final SkipReason INTERRUPTED = new SkipReason("interrupted",
            Tr.n("interrupted while being handed to the channel"));

    private static final String CAP = "cap:";

    private static final List<SkipReason> KNOWN = List.of(ALREADY_CONTACTED, NO_CONTACT, NOT_INSTALLED, CHANNEL_REFUSES_MARKETING,
            TOO_LONG, ERASED, OPTED_OUT, REFUSED, NO_CONSENT, GAVE_UP, HOLDOUT, QUIET_HOURS, CHANNEL_NOT_READY, CANCELLED,
            INTERRUPTED);

    /** The reason a frequency cap gives, e.g. {@code cap:1/7d}. */
    public static SkipReason cap(FrequencyCap cap) {
        return new SkipReason(CAP + cap.count() + "/" + cap.days() + "d", Tr.n("frequency cap"));
    }

    /** Every fixed reason (frequency caps come on top, one code per cap). */
    public static List<SkipReason> known() {
        return KNOWN;
    }

    /**
     * The reason of a stored code, e.g. {@code opted-out} or {@code cap:1/7d}; empty for a code this version
     * does not know (a provider's, a newer version's).
     */
    public static Optional<SkipReason> parse(String code) {
        if (code == null) return Optional.empty();
        for (SkipReason r : KNOWN) {
            if (r.code.equals(code)) return Optional.of(r);
        }
        if (code.startsWith(CAP)) {
            try {
                List<FrequencyCap> caps = FrequencyCap.parseList(code.substring(CAP.length()));
                if (caps.size() == 1) return Optional.of(cap(caps.get(0)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();   // not one of ours: shown as it is
            }
        }
        return Optional.empty();
    }

    /** The label in the interface language (the code is what is stored and exported); a cap says which. */
    @Override
    public String label() {
        return code.startsWith(CAP) ? Tr.t(label) + " " + code.substring(CAP.length()) : Tr.t(label);
    }

    /** The label of a stored code; unknown codes show as themselves. */
    public static String labelOf(String code) {
        return parse(code).map(SkipReason::label).orElse(code);
    }
}
