package dev.rekindle.shell;

import dev.rekindle.console.ValueCompleter;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.jline.CommandCompleter;
import org.springframework.stereotype.Component;

/**
 * Spring Shell's completion of command and option names, plus values: {@code --format} offers
 * table/json/csv, and {@link ValueCompleter} beans offer ids and names for options and arguments.
 */
@Component
class RekindleCompleter extends CommandCompleter {

    private final CommandRegistry registry;
    private final ObjectProvider<ValueCompleter> completers;

    RekindleCompleter(CommandRegistry registry, ObjectProvider<ValueCompleter> completers) {
        super(registry);
        this.registry = registry;
        this.completers = completers;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        super.complete(reader, line, candidates);
        List<String> words = line.words();
        int index = line.wordIndex();
        Command command = null;
        int nameWords = 0;
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < Math.min(index, words.size()); i++) {
            String w = words.get(i);
            if (w.startsWith("-")) break;
            name.append(name.length() == 0 ? "" : " ").append(w);
            Command c = registry.getCommandByName(name.toString());
            if (c != null) {
                command = c;
                nameWords = i + 1;
            }
        }
        if (command == null || index < nameWords) {
            return;
        }
        String current = index < words.size() ? words.get(index) : "";
        if (candidates.isEmpty() && current.startsWith("-")) {
            // Spring Shell finds the command only when options come straight after its name: after an argument
            // ('campaigns plan dormancy-reminder --chan') it offered nothing
            for (CommandOption o : command.getOptions()) {
                if (o.longName() != null && !o.longName().isEmpty() && !words.subList(nameWords, index).contains("--" + o.longName())) {
                    candidates.add(new Candidate("--" + o.longName(), "--" + o.longName(), null, null, null, null, true));
                }
            }
            return;
        }
        String slot = slotAt(command, words, nameWords, index);
        if (slot == null) {
            return;
        }
        List<String> values = new ArrayList<>();
        if (slot.equals("format")) {
            values.addAll(List.of("table", "json", "csv"));
        }
        for (ValueCompleter c : completers) {
            try {
                values.addAll(c.values(command.getName(), slot));
            } catch (RuntimeException e) {
                // completion must never break the prompt (e.g. no database yet)
            }
        }
        values.stream().distinct().forEach(v -> candidates.add(new Candidate(v)));
    }

    /** Which option value or positional argument the cursor word fills, or null for an option name. */
    private static String slotAt(Command command, List<String> words, int nameWords, int index) {
        String current = index < words.size() ? words.get(index) : "";
        if (current.startsWith("-")) {
            return null;
        }
        String previous = index - 1 >= nameWords ? words.get(index - 1) : "";
        if (previous.startsWith("--")) {
            String opt = previous.substring(2);
            boolean flag = command.getOptions().stream()
                    .filter(o -> opt.equals(o.longName())).anyMatch(CommandSpec::isFlag);
            if (!flag && command.getOptions().stream().map(CommandOption::longName).anyMatch(opt::equals)) {
                return opt;
            }
        }
        int arg = 0;
        for (int i = nameWords; i < index; i++) {
            String w = words.get(i);
            if (w.startsWith("--")) {
                String opt = w.substring(2);
                boolean flag = command.getOptions().stream().filter(o -> opt.equals(o.longName())).anyMatch(CommandSpec::isFlag);
                if (!flag && !opt.contains("=")) i++; // skip its value
            } else {
                arg++;
            }
        }
        return "arg" + arg;
    }
}
