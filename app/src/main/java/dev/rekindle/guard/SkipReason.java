package dev.rekindle.guard;

import dev.rekindle.i18n.Tr;

/**
 * Why a customer gets no message. A record rather than an enum so that other features can add reasons
 * (frequency cap, quiet hours, gave up…) without touching this file; codes are stored in the database.
 */
public record SkipReason(String code, String label) {

    public static final SkipReason NO_CONTACT = new SkipReason("no-contact", Tr.n("no contact data"));
    public static final SkipReason OPTED_OUT = new SkipReason("opted-out", Tr.n("opted out of all contact"));
    public static final SkipReason REFUSED = new SkipReason("refused", Tr.n("refused this channel"));
    public static final SkipReason NO_CONSENT = new SkipReason("no-consent", Tr.n("no marketing consent"));
    public static final SkipReason HOLDOUT = new SkipReason("holdout", Tr.n("in holdout (control group)"));

    public static final SkipReason ERASED = new SkipReason("erased", Tr.n("personal data erased since planning"));

    private static final SkipReason[] KNOWN = {NO_CONTACT, OPTED_OUT, REFUSED, NO_CONSENT, HOLDOUT, ERASED};

    /** The label in the interface language (the code is what is stored and exported). */
    @Override
    public String label() {
        return Tr.t(label);
    }

    /** The label of a stored code; unknown codes (from newer rules) show as themselves. */
    public static String labelOf(String code) {
        for (SkipReason r : KNOWN) {
            if (r.code.equals(code)) return r.label();
        }
        return code;
    }
}
