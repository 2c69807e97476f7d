package dev.rekindle.support;

import dev.rekindle.console.TextWidth;
import java.util.Comparator;

/** Checks that a command's screen output fits a terminal of a given width (Chinese counts double). */
public final class ScreenWidth {

    private ScreenWidth() {
    }

    /** The widest line, in terminal columns. */
    public static int widest(String out) {
        return out.lines().mapToInt(TextWidth::of).max().orElse(0);
    }

    /** Fails naming the widest line when one is wider than {@code columns}. */
    public static void assertFits(String out, int columns) {
        String widest = out.lines().max(Comparator.comparingInt(TextWidth::of)).orElse("");
        if (TextWidth.of(widest) > columns) {
            throw new AssertionError("a line is " + TextWidth.of(widest) + " columns wide (at most " + columns + "):\n"
                    + widest + "\n--- whole output ---\n" + out);
        }
    }
}
