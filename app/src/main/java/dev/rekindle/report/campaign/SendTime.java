package dev.rekindle.report.campaign;

import dev.rekindle.i18n.Tr;

import java.time.LocalDateTime;

/**
 * When the campaign went out, and where that came from: the delivery ledger's first message handed to a
 * channel, a {@code sent_at} column on the campaign, or — when no send was recorded — the planning time.
 */
public record SendTime(LocalDateTime at, Source source) {

    public enum Source {
        LEDGER(Tr.n("first message handed to a channel, from the delivery ledger")),
        SENT_AT(Tr.n("the campaign's sent_at")),
        PLANNED(Tr.n("planned at; no send recorded, so the window starts when the campaign was planned"));

        private final String text;

        Source(String text) {
            this.text = text;
        }

        /** In the interface language (the code is what JSON carries). */
        public String text() {
            return Tr.t(text);
        }

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}
