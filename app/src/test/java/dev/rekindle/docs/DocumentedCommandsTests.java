package dev.rekindle.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rekindle.shell.CommandLineTokenizer;
import dev.rekindle.shell.LaunchArguments;
import dev.rekindle.support.ShellTestSupport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.shell.core.InputReader;
import org.springframework.shell.core.command.CommandRegistry;

/**
 * Every command the README and docs/ show in a code block — {@code ./rekindle X Y …}, at the
 * {@code rekindle:>} prompt, or as a script line in a plain text block — and every line of the sample
 * scripts ({@code data/samples/*.rk}) exists (its help opens), and so does every option it uses.
 */
class DocumentedCommandsTests extends ShellTestSupport {

    /** A one-shot run (after a shell prompt, cron fields or {@code cd … &&}) or a line typed at the prompt. */
    private static final Pattern ONE_SHOT = Pattern.compile("(?:^|[\\s;&|])\\./rekindle(?:\\s+(.*))?$");
    private static final Pattern AT_PROMPT = Pattern.compile("^\\s*rekindle:?>\\s*(.*)$");
    private static final Pattern OPTION = Pattern.compile("^(--[a-z][a-z0-9-]*|-[a-zA-Z])(=.*)?$");

    @Autowired
    CommandRegistry registry;

    /** A command as documented, and where. */
    private record Example(String where, List<String> words) {
    }

    @Test
    void everyDocumentedCommandAndOptionShouldExist() {
        List<Example> examples = examples(registry.getCommands().stream().map(c -> c.getName().split(" ")[0])
                .collect(Collectors.toSet()));
        assertTrue(examples.size() > 60, "the docs show commands: found " + examples.size());
        for (String source : List.of("README.md", "data/samples/daily.rk", "docs/operator/campaigns.md")) {
            assertTrue(examples.stream().anyMatch(e -> e.where().startsWith(source + ":")
                    && String.join(" ", e.words()).startsWith("campaigns ")), "campaign commands read from " + source);
        }
        List<String> wrong = new ArrayList<>();
        for (Example e : examples) {
            check(e, e.words(), wrong);
            if (e.words().get(0).equals("help") && e.words().size() > 1) {
                check(e, e.words().subList(1, e.words().size()), wrong); // help X Y: X Y must be a command too
            }
        }
        assertEquals(List.of(), wrong, "commands or options in the docs that do not exist");
    }

    @Test
    void aCommandOrOptionThatDoesNotExistShouldBeReported() {
        List<String> wrong = new ArrayList<>();
        check(new Example("a.md:1", List.of("segments", "refresh", "--as-of", "2025-01-01")), List.of("segments", "refresh",
                "--as-of", "2025-01-01"), wrong);
        assertEquals(List.of(), wrong);

        check(new Example("a.md:2", List.of()), List.of("segmnets", "list"), wrong);
        check(new Example("a.md:3", List.of()), List.of("segments", "refresh", "--as-off", "2025-01-01"), wrong);
        check(new Example("a.md:4", List.of()), List.of("segments", "list", "--format", "csv", "-q"), wrong);

        assertEquals(3, wrong.size(), String.join("\n", wrong));
        assertTrue(wrong.get(0).startsWith("a.md:2: segmnets list → "), wrong.get(0));
        assertTrue(wrong.get(0).contains("unknown command"), wrong.get(0));
        assertTrue(wrong.get(1).endsWith("→ no option --as-off"), wrong.get(1));
        assertTrue(wrong.get(2).endsWith("→ no option -q"), wrong.get(2));
    }

    private void check(Example e, List<String> words, List<String> wrong) {
        List<String> asked = new ArrayList<>(words.stream().takeWhile(w -> !w.startsWith("-")).toList());
        asked.add("--help");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = invoker.invoke(asked, new PrintWriter(out, true), new PrintWriter(err, true), new InputReader() {
            @Override
            public String readInput(String prompt) {
                return "n";
            }
        });
        if (exit != 0) {
            wrong.add(e.where() + ": " + String.join(" ", words) + " → " + err.toString().strip());
            return;
        }
        String help = out.toString();
        int examplesAt = help.indexOf("\nExamples:");
        String declared = examplesAt < 0 ? help : help.substring(0, examplesAt); // usage and options, not examples
        for (String w : words) {
            Matcher m = OPTION.matcher(w);
            if (m.matches() && !Pattern.compile("(^|[\\s\\[,])" + Pattern.quote(m.group(1)) + "(?![a-z0-9-])").matcher(declared).find()) {
                wrong.add(e.where() + ": " + String.join(" ", words) + " → no option " + m.group(1));
            }
        }
    }

    /** @param groups the first words of the commands: a text block's line starting with one is a script line */
    private static List<Example> examples(Set<String> groups) {
        List<Example> out = new ArrayList<>();
        for (Path script : scripts()) {
            for (Docs.Line line : Docs.lines(script)) {
                String text = line.text().strip();
                if (!text.isEmpty() && !text.startsWith("#")) {
                    out.add(new Example(line.where(), withoutComment(CommandLineTokenizer.tokenize(text))));
                }
            }
        }
        for (Path file : Docs.files()) {
            List<Docs.Line> lines = Docs.lines(file);
            Set<Integer> scriptBlocks = scriptBlocks(lines, groups);
            for (Docs.Line line : lines) {
                if (!line.inCodeBlock()) continue;
                String typed = typed(line.text());
                if (typed == null && scriptBlocks.contains(line.blockAt()) && !line.text().strip().startsWith("#")) {
                    typed = line.text().strip(); // a line of a script shown in the docs
                }
                if (typed == null) continue;
                // "campaigns list · campaigns show 1": two commands on one line
                for (String one : typed.split(" · ")) {
                    List<String> words = withoutComment(CommandLineTokenizer.tokenize(one));
                    List<String> command = LaunchArguments.parse(words.toArray(String[]::new)).command();
                    if (command.isEmpty() || command.get(0).startsWith("@") || command.get(0).equals("exit")) {
                        continue; // the shell itself, a script file, leaving the shell
                    }
                    out.add(new Example(line.where(), command));
                }
            }
        }
        return out;
    }

    /**
     * The plain text blocks that show a script: every line (but blanks and comments) starts with a
     * command's first word. Blocks of output (which may also start a line with "orders …") do not.
     */
    private static Set<Integer> scriptBlocks(List<Docs.Line> lines, Set<String> groups) {
        Map<Integer, Boolean> all = new HashMap<>();
        for (Docs.Line line : lines) {
            String text = line.text().strip();
            if (!line.inCodeBlock() || !(line.block().isEmpty() || line.block().equals("text")) || text.isEmpty()
                    || text.startsWith("#")) {
                continue;
            }
            all.merge(line.blockAt(), groups.contains(text.split("\\s+")[0]), Boolean::logicalAnd);
        }
        return all.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    private static List<Path> scripts() {
        try (Stream<Path> files = Files.list(Docs.ROOT.resolve("data").resolve("samples"))) {
            return files.filter(p -> p.toString().endsWith(".rk")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String typed(String text) {
        Matcher prompt = AT_PROMPT.matcher(text);
        if (prompt.matches()) return prompt.group(1);
        Matcher run = ONE_SHOT.matcher(text);
        if (run.find()) return run.group(1) == null ? "" : shellPart(run.group(1));
        return null;
    }

    /** The arguments up to a redirection or the next shell command. */
    private static String shellPart(String s) {
        Matcher end = Pattern.compile("\\s(>>?|\\|\\|?|&&|2>&1)\\s").matcher(s);
        return end.find() ? s.substring(0, end.start()) : s;
    }

    private static List<String> withoutComment(List<String> words) {
        List<String> out = new ArrayList<>();
        for (String w : words) {
            if (w.startsWith("#")) break;
            out.add(w);
        }
        return out;
    }
}
