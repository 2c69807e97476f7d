package dev.rekindle.console;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jline.utils.WCWidth;

/**
 * Terminal display width, by JLine's {@link WCWidth} (the terminal library the shell runs on, so the
 * table and the prompt agree): East Asian wide and full-width characters and emoji take two columns,
 * combining marks none; colour codes ({@link Style}) take none.
 */
public final class TextWidth {

    /** A label and the spaces after it, or an indent. */
    private static final Pattern LABEL = Pattern.compile("\\S[^\\n]*?\\s{2,}|\\s+");

    private TextWidth() {
    }

    public static int of(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int next = afterColourCode(s, i);
            if (next > i) {
                i = next;
                continue;
            }
            int cp = s.codePointAt(i);
            w += Math.max(0, WCWidth.wcwidth(cp)); // control characters (-1) are escaped by Visible before they get here
            i += Character.charCount(cp);
        }
        return w;
    }

    /**
     * Pads with spaces to a display width. Use it instead of {@code %-15s} for text that may be Chinese
     * (translated labels): {@code %-15s} counts characters, and a Chinese character takes two columns.
     */
    public static String pad(String s, int width) {
        int w = of(s);
        return w >= width ? s : s + " ".repeat(width - w);
    }

    /**
     * Cuts text into lines no wider than {@code width}: at the last space that fits (English), or between two
     * wide characters (Chinese needs no space to break a line), whichever comes later; else at the width (a
     * long id or path is cut where it must be).
     */
    public static List<String> wrap(String s, int width) {
        List<String> lines = new ArrayList<>();
        String rest = s;
        while (of(rest) > width) {
            int cut = 0;
            int w = 0;
            int lastSpace = -1;
            int lastWide = -1; // a break before this index falls between two wide characters
            int previous = 0;
            for (int i = 0; i < rest.length(); ) {
                int next = afterColourCode(rest, i);
                if (next > i) {
                    i = next;
                    continue;
                }
                int cp = rest.codePointAt(i);
                int cw = Math.max(0, WCWidth.wcwidth(cp));
                if (cw == 2 && previous == 2) lastWide = i;
                if (w + cw > width) break;
                w += cw;
                if (cp == ' ') lastSpace = i;
                previous = cw;
                i += Character.charCount(cp);
                cut = i;
            }
            if (cut == 0) cut = Character.charCount(rest.codePointAt(0)); // a column narrower than one character
            boolean midWord = cut < rest.length() && rest.charAt(cut) != ' ';
            if (midWord && lastWide == cut) {
                lines.add(rest.substring(0, cut).stripTrailing()); // between two Chinese characters
                rest = rest.substring(cut);
            } else if (midWord && lastSpace > 0 && lastSpace > lastWide) {
                lines.add(rest.substring(0, lastSpace).stripTrailing());
                rest = rest.substring(lastSpace + 1);
            } else if (midWord && lastWide > 0) {
                lines.add(rest.substring(0, lastWide).stripTrailing());
                rest = rest.substring(lastWide);
            } else {
                lines.add(rest.substring(0, cut).stripTrailing());
                rest = rest.substring(cut).stripLeading();
            }
        }
        lines.add(rest);
        return lines;
    }

    /**
     * Fits a block of {@code Label    value} lines (as {@code status} prints) to {@code width}: a line too wide is
     * wrapped, after the commas of a list where it can, with its continuation lines under the value (where the
     * label's run of two or more spaces ends; an indented line continues at its own indent). Lines that fit are
     * left alone.
     */
    public static String hanging(String block, int width) {
        StringBuilder out = new StringBuilder(block.length() + 64);
        for (String line : block.split("\n", -1)) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            Matcher label = LABEL.matcher(line);
            if (of(line) <= width || !label.lookingAt()) {
                out.append(line);
                continue;
            }
            int indent = of(label.group());
            List<String> value = list(line.substring(label.end()), Math.max(10, width - indent));
            out.append(label.group()).append(String.join("\n" + " ".repeat(indent), value));
        }
        return out.toString();
    }

    /**
     * Wraps a text made of parts joined by {@code separator} (" | ", " — ") at the separators: a part that would
     * pass {@code width} starts the next line, after {@code indent} and the separator's mark ("| R…"). A part
     * wider than a line is wrapped as {@link #wrap} does. Text that fits is returned as it is.
     */
    public static String wrapAt(String s, String separator, int width, String indent) {
        if (of(s) <= width) {
            return s;
        }
        return String.join("\n", pack(s.split(Pattern.quote(separator)), separator, indent + separator.strip() + " ", width));
    }

    /** Wraps a comma-separated list after its commas, so that an item stays on one line when it fits on one. */
    private static List<String> list(String s, int width) {
        return pack(s.split("(?<=,) "), " ", "", width);
    }

    /**
     * Puts parts on a line, joined by {@code joiner}, while they fit; the next part starts a line with
     * {@code continuation}. A part wider than a line is cut as {@link #wrap} cuts.
     */
    public static List<String> pack(String[] parts, String joiner, String continuation, int width) {
        List<String> lines = new ArrayList<>();
        String line = "";
        for (String part : parts) {
            String joined = line.isEmpty() ? part : line + joiner + part;
            if (of(joined) <= width) {
                line = joined;
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line);
            }
            List<String> cut = wrap(line.isEmpty() ? part : continuation + part, width);
            lines.addAll(cut.subList(0, cut.size() - 1));
            line = cut.get(cut.size() - 1);
        }
        lines.add(line);
        return lines;
    }

    /** The index after an ANSI colour code starting at {@code i}, or {@code i} when there is none. */
    private static int afterColourCode(String s, int i) {
        if (s.charAt(i) == '\u001b' && i + 1 < s.length() && s.charAt(i + 1) == '[') {
            int m = s.indexOf('m', i);
            if (m > 0) return m + 1;
        }
        return i;
    }
}
