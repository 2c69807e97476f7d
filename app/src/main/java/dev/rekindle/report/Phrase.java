package dev.rekindle.report;

import dev.rekindle.i18n.Tr;
import java.util.Locale;

/**
 * A sentence with values that a report shows in the interface language but exports in English (JSON and CSV
 * stay the same in every language). Create it with the English marked for the catalog:
 * {@code new Phrase(Tr.n("segments from snapshot #%d"), id)}.
 */
public record Phrase(String english, Object... values) {

    /** As exported: the English text with its values. */
    public String inEnglish() {
        return String.format(Locale.ROOT, english, values);
    }

    /** As shown: the text in the interface language with its values. */
    public String shown() {
        return Tr.f(english, values);
    }

    @Override
    public String toString() {
        return inEnglish();
    }
}
