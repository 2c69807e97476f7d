package dev.rekindle.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one "did you mean" of commands and filter fields: close names are offered, far ones are not. */
class DidYouMeanTests {

    private static final List<String> NAMES = List.of("segments list", "segments show", "stage", "recency_days", "status");

    @Test
    void aTypoOrTwoSwappedLettersShouldFindTheName() {
        assertEquals(Optional.of("stage"), DidYouMean.closest(NAMES, "stag"));
        assertEquals(Optional.of("segments list"), DidYouMean.closest(NAMES, "segmnets list"));
        assertEquals(Optional.of("recency_days"), DidYouMean.closest(NAMES, "recncy_dyas"));
    }

    @Test
    void aNameFarFromEveryKnownOneShouldFindNothing() {
        assertEquals(Optional.empty(), DidYouMean.closest(NAMES, "campaigns plan"));
        assertEquals(Optional.empty(), DidYouMean.closest(List.of(), "stage"));
    }
}
