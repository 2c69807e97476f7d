package dev.rekindle.console;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import org.jline.utils.Levenshtein;

/**
 * "Did you mean …?" for a mistyped name (a command, a filter field): the closest known name by edit
 * distance, when it is close. The distance is JLine's (already here for the shell), which counts two
 * swapped letters as one typo.
 */
public final class DidYouMean {

    private DidYouMean() {
    }

    /** The known name closest to {@code typed}, if at most a third of it (and at least two edits) away. */
    public static Optional<String> closest(Collection<String> names, String typed) {
        return names.stream()
                .min(Comparator.comparingInt(n -> Levenshtein.distance(n, typed)))
                .filter(n -> Levenshtein.distance(n, typed) <= Math.max(2, typed.length() / 3));
    }
}
