package dev.rekindle.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekindle.i18n.Language;
import dev.rekindle.i18n.Tr;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The one set of reason codes: what is stored reads back as the same reason, and shows in the interface language. */
class SkipReasonTests {

    @Test
    void everyStoredCodeShouldReadBackAsTheSameReason() {
        Set<String> codes = new HashSet<>();
        for (SkipReason r : SkipReason.known()) {
            assertThat(codes.add(r.code())).as("one code per reason: %s", r.code()).isTrue();
            assertThat(SkipReason.parse(r.code())).contains(r);
            assertThat(SkipReason.labelOf(r.code())).isEqualTo(r.label()).isNotEqualTo(r.code());
        }
        assertThat(codes).contains("already-contacted", "quiet-hours", "opted-out", "holdout", "interrupted");
    }

    @Test
    void aCapShouldReadBackWithItsCountAndDays() {
        SkipReason weekly = SkipReason.cap(new FrequencyCap(1, 7));

        assertThat(weekly.code()).isEqualTo("cap:1/7d");
        assertThat(SkipReason.parse("cap:1/7d")).contains(weekly);
        assertThat(SkipReason.parse("cap:4/30d")).contains(SkipReason.cap(new FrequencyCap(4, 30)));
        assertThat(SkipReason.labelOf("cap:1/7d")).isEqualTo("frequency cap 1/7d");
    }

    @Test
    void aCodeThisVersionDoesNotKnowShouldShowAsItIs() {
        assertThat(SkipReason.parse("provider-blacklisted")).isEmpty();
        assertThat(SkipReason.parse("cap:often")).isEmpty();
        assertThat(SkipReason.parse(null)).isEqualTo(Optional.empty());
        assertThat(SkipReason.labelOf("provider-blacklisted")).isEqualTo("provider-blacklisted");
    }

    @Test
    void labelsShouldFollowTheInterfaceLanguage() {
        Tr.use(Language.ZH);
        try {
            assertThat(SkipReason.labelOf("cap:1/7d")).startsWith(Tr.t("frequency cap")).endsWith(" 1/7d")
                    .doesNotContain("frequency");
            assertThat(SkipReason.INTERRUPTED.label()).doesNotContain("interrupted");
        } finally {
            Tr.use(Language.EN);
        }
    }
}
