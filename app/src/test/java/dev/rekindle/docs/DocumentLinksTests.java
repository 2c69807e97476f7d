package dev.rekindle.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every relative link in README.md and docs/ leads to a file that exists, and to a heading of it when it
 * names one ({@code file.md#anchor}, anchors as GitHub makes them from headings).
 */
class DocumentLinksTests {

    /** [text](target) and ![alt](target), outside inline code; the target up to a space or ')'. */
    private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");

    @Test
    void everyRelativeLinkShouldResolve() {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path file : Docs.files()) {
            for (Docs.Line line : Docs.lines(file)) {
                if (line.inCodeBlock()) continue;
                Matcher m = LINK.matcher(line.text().replaceAll("`[^`]*`", "``"));
                while (m.find()) {
                    String target = m.group(1);
                    if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) continue; // https:, mailto: …
                    checked++;
                    String problem = problem(file, target);
                    if (problem != null) broken.add(line.where() + ": " + target + " → " + problem);
                }
            }
        }
        assertTrue(checked > 10, "the docs link to each other: checked " + checked);
        assertEquals(List.of(), broken, "broken links");
    }

    @Test
    void aMissingFileOrHeadingShouldBeReported() {
        Path readme = Docs.ROOT.resolve("README.md");
        assertEquals(null, problem(readme, "docs/operator/campaigns.md"));
        assertEquals("no such file", problem(readme, "docs/operator/no-such-chapter.md"));
        assertEquals("no heading with this anchor", problem(readme, "docs/operator/campaigns.md#no-such-heading"));
        assertEquals("中文界面--language-and-colours", slug("中文界面 / Language and colours"));
        assertEquals("scripts-and-cron", slug("Scripts and `cron`"));
    }

    private static String problem(Path from, String target) {
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path to = path.isEmpty() ? from : from.getParent().resolve(path).normalize();
        if (!Files.exists(to)) return "no such file";
        if (anchor == null || anchor.isEmpty() || !to.toString().endsWith(".md")) return null;
        return anchors(to).contains(anchor.toLowerCase(Locale.ROOT)) ? null : "no heading with this anchor";
    }

    /** The anchors GitHub gives the headings of a Markdown file. */
    static Set<String> anchors(Path file) {
        Set<String> out = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Docs.Line line : Docs.lines(file)) {
            if (line.inCodeBlock() || !line.text().startsWith("#")) continue;
            String slug = slug(line.text().replaceFirst("^#+\\s*", ""));
            int n = seen.merge(slug, 1, Integer::sum);
            out.add(n == 1 ? slug : slug + "-" + (n - 1));
        }
        return out;
    }

    /** GitHub's rule: lower case, punctuation dropped (letters of any script, digits, '-' and '_' stay), spaces to '-'. */
    static String slug(String heading) {
        String plain = heading.strip().replaceAll("`", "").replaceAll("\\[([^\\]]*)]\\([^)]*\\)", "$1");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\p{M} _-]", "").replace(' ', '-');
    }
}
