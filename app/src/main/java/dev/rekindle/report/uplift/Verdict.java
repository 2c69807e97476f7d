package dev.rekindle.report.uplift;

import dev.rekindle.i18n.Tr;

/** What the conversion difference between contacted and holdout customers allows one to say. */
public enum Verdict {
    /** Contacted customers ordered more often, significant at the chosen level. */
    HIGHER(Tr.n("contacted bought more (significant)")),
    /** Contacted customers ordered less often, significant at the chosen level. */
    LOWER(Tr.n("contacted bought less (significant)")),
    /** The data are enough to test, and the test does not show a difference. */
    NO_CLEAR_DIFFERENCE(Tr.n("no difference shown")),
    /** Too few customers or buyers for the test to mean anything; see the reason. */
    NOT_ENOUGH_DATA(Tr.n("not enough data"));

    private final String text;

    Verdict(String text) {
        this.text = text;
    }

    /** Plain words for the operator. */
    /** In the interface language (the code is what JSON and CSV carry). */
    public String text() {
        return Tr.t(text);
    }

    /** Stable lower-case code for JSON and CSV. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
