package dev.rekindle.shell;

import dev.rekindle.console.Style;
import dev.rekindle.console.UsageException;
import dev.rekindle.console.UserException;
import dev.rekindle.console.Visible;
import dev.rekindle.console.WorkLeft;
import dev.rekindle.i18n.Tr;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import dev.rekindle.console.DidYouMean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.shell.core.InputReader;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandArgument;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.ExitStatus;
import org.springframework.shell.core.command.ParsedInput;
import org.springframework.stereotype.Component;

/**
 * Turns the words of one command line into a checked invocation and runs it. Every mode (interactive,
 * one command, script) goes through here, so they agree on errors and exit codes:
 * 0 success, 1 the command failed (message on the error stream), 2 the command line is wrong, 3 the command
 * did its work but some is left for later (see {@link WorkLeft}).
 */
@Component
public class CommandInvoker {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int WORK_LEFT = 3;

    private static final Logger log = LoggerFactory.getLogger(CommandInvoker.class);
    private static final DefaultConversionService CONVERSION = new DefaultConversionService();

    // Looked up lazily: the registry is built from the command beans, and help is one of them.
    private final ObjectProvider<CommandRegistry> registryProvider;
    private final HelpRenderer help;

    private final String logFile;

    CommandInvoker(ObjectProvider<CommandRegistry> registryProvider, HelpRenderer help,
            @Value("${logging.file.name:logs/rekindle.log}") String logFile) {
        this.registryProvider = registryProvider;
        this.help = help;
        this.logFile = logFile;
    }

    private CommandRegistry registry() {
        return registryProvider.getObject();
    }

    public int invoke(List<String> words, PrintWriter out, PrintWriter err, InputReader input) {
        if (words.isEmpty()) {
            return OK;
        }
        try {
            CommandSpec spec = resolve(words);
            List<String> rest = words.subList(spec.name().split(" ").length, words.size());
            if (rest.contains("--help") || (rest.size() == 1 && rest.get(0).equals("-h"))) {
                out.println(help.commandHelp(spec));
                out.flush();
                return OK;
            }
            ParsedInput parsed = parse(spec, rest);
            ExitStatus status = spec.command().execute(new CommandContext(parsed, registry(), out, input));
            out.flush();
            return status.code() == ExitStatus.OK.code() ? OK
                    : status.code() == ExitStatus.USAGE_ERROR.code() ? USAGE : FAILED;
        } catch (Exception e) {
            out.flush();
            return report(words, e, out, err);
        }
    }

    private int report(List<String> words, Exception e, PrintWriter out, PrintWriter err) {
        Throwable cause = operatorFacing(e);
        int code;
        if (cause instanceof WorkLeft left) {
            // not an error: the report goes where results go
            out.println(left.getMessage());
            out.flush();
            return WORK_LEFT;
        }
        if (cause instanceof UsageException) {
            err.println(Style.error(Tr.t("Usage error: ")) + Visible.text(cause.getMessage()));
            code = USAGE;
        } else if (cause instanceof UserException) {
            err.println(Style.error(Tr.t("Error: ")) + ErrorText.bounded(Visible.text(cause.getMessage()))); // quotes values from files
            code = FAILED;
        } else {
            Throwable root = rootCause(e);
            log.error("Command failed: {}", Visible.text(String.join(" ", words)), e);
            err.println(Style.error(Tr.t("Error: ")) + dev.rekindle.store.SqliteErrors.explain(e)
                    .or(() -> BadSetting.explain(e))
                    .orElseGet(() -> ErrorText.bounded(Visible.text(root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage()))));
            err.println(Tr.f("(details in the log: %s)", logFile));
            code = FAILED;
        }
        err.flush();
        return code;
    }

    /** The first UserException/UsageException in the cause chain, else the exception itself. */
    private static Throwable operatorFacing(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UserException || t instanceof UsageException || t instanceof WorkLeft) {
                return t;
            }
            if (t.getCause() == t) break;
        }
        return e;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    /** Longest run of leading words naming a registered command. */
    CommandSpec resolve(List<String> words) {
        Command found = null;
        StringBuilder name = new StringBuilder();
        for (String w : words) {
            if (w.startsWith("-")) break;
            if (name.length() > 0) name.append(' ');
            name.append(w);
            Command c = byExactName(name.toString());
            if (c != null) {
                found = c;
            }
        }
        if (found != null) {
            // Rekindle's commands are registered with their @Command method (CommandCatalog); Spring Shell's
            // built-ins (clear, version…) have none
            return CommandSpec.of(found, found instanceof DeferredCommand d ? Optional.of(d.method()) : Optional.empty());
        }
        String typed = words.stream().takeWhile(w -> !w.startsWith("-")).collect(Collectors.joining(" "));
        List<Command> sub = registry().getCommandsByPrefix(typed + " ");
        if (!typed.isEmpty() && !sub.isEmpty()) {
            throw new UsageException(Tr.f("'%s' needs a sub-command:", typed) + "\n" + sub.stream()
                    .sorted(Comparator.comparing(Command::getName))
                    .map(c -> "  " + c.getName() + "  " + HelpRenderer.describe(c))
                    .collect(Collectors.joining("\n")));
        }
        throw new UsageException(Tr.f("unknown command '%s'.", typed) + suggestion(typed) + Tr.t(" Type 'help' to list commands."));
    }

    /**
     * What the operator may have meant: the commands having every typed word (verbs come last here, {@code orders
     * import}, and {@code import orders} is the usual slip), else the closest spelling.
     */
    private String suggestion(String typed) {
        List<String> names = registry().getCommands().stream().filter(c -> !c.isHidden()).map(Command::getName).sorted().toList();
        Set<String> words = new HashSet<>(List.of(typed.split(" "))); // "import import" is one word twice
        List<String> withWords = typed.isBlank() ? List.of()
                : names.stream().filter(n -> List.of(n.split(" ")).containsAll(words)).toList();
        if (withWords.size() == 1) return Tr.f(" Did you mean '%s'?", withWords.get(0));
        if (!withWords.isEmpty()) return Tr.f(" Commands with '%s': %s.", typed, String.join(", ", withWords));
        return DidYouMean.closest(names, typed).map(s -> Tr.f(" Did you mean '%s'?", s)).orElse("");
    }

    /** Hidden commands stay out of help and suggestions but run when named exactly (the registry skips them). */
    private Command byExactName(String name) {
        Command c = registry().getCommandByName(name);
        if (c != null) return c;
        return registry().getCommands().stream().filter(x -> x.getName().equals(name)).findFirst().orElse(null);
    }

    ParsedInput parse(CommandSpec spec, List<String> rest) {
        ParsedInput.Builder b = ParsedInput.builder();
        String[] nameWords = spec.name().split(" ");
        b.commandName(nameWords[0]);
        for (int i = 1; i < nameWords.length; i++) {
            b.addSubCommand(nameWords[i]);
        }
        Set<String> seen = new HashSet<>();
        List<String> positional = new ArrayList<>();
        boolean onlyArguments = false;
        for (int i = 0; i < rest.size(); i++) {
            String w = rest.get(i);
            if (!onlyArguments && w.equals("--")) {
                onlyArguments = true;
                continue;
            }
            if (onlyArguments || !looksLikeOption(w)) {
                positional.add(w);
                continue;
            }
            String value = null;
            String key = w;
            int eq = w.indexOf('=');
            if (eq > 0) {
                key = w.substring(0, eq);
                value = w.substring(eq + 1);
            }
            CommandOption option = findOption(spec, key);
            if (!seen.add(option.longName())) {
                throw new UsageException(Tr.f("option --%s given twice in '%s'", option.longName(), spec.name()));
            }
            if (value == null) {
                boolean nextIsValue = i + 1 < rest.size() && !looksLikeOption(rest.get(i + 1));
                if (CommandSpec.isFlag(option)) {
                    value = nextIsValue && isBooleanWord(rest.get(i + 1)) ? rest.get(++i) : "true";
                } else if (nextIsValue) {
                    value = rest.get(++i);
                } else {
                    throw new UsageException(Tr.f("option --%s needs a value (%s). Usage: %s", option.longName(),
                            CommandSpec.valueName(option), spec.synopsis()));
                }
            }
            checkConvertible(spec, option, value);
            b.addOption(CommandOption.with().longName(option.longName()).shortName(option.shortName())
                    .type(option.type()).value(value).build());
        }
        for (CommandOption o : spec.options()) {
            if (Boolean.TRUE.equals(o.required()) && !seen.contains(o.longName())) {
                throw new UsageException(Tr.f("missing option --%s. Usage: %s", o.longName(), spec.synopsis()));
            }
        }
        checkArguments(spec, positional);
        for (int i = 0; i < positional.size(); i++) {
            b.addArgument(new CommandArgument(i, positional.get(i)));
        }
        return b.build();
    }

    private static boolean looksLikeOption(String w) {
        // "-5" is a value (a negative number), "--x" and "-x" are options
        return w.startsWith("--") && w.length() > 2
                || w.length() >= 2 && w.charAt(0) == '-' && Character.isLetter(w.charAt(1));
    }

    private static boolean isBooleanWord(String w) {
        return w.equalsIgnoreCase("true") || w.equalsIgnoreCase("false");
    }

    private CommandOption findOption(CommandSpec spec, String key) {
        Optional<CommandOption> o = key.startsWith("--") ? spec.option(key.substring(2))
                : key.length() == 2 ? spec.shortOption(key.charAt(1)) : Optional.empty();
        return o.orElseThrow(() -> new UsageException(Tr.f("unknown option '%s' for '%s'. ", key, spec.name())
                + (spec.options().isEmpty() ? Tr.t("It takes no options.")
                : Tr.f("Options: %s.", spec.options().stream().map(x -> "--" + x.longName()).collect(Collectors.joining(", "))))
                + Tr.f(" See 'help %s'.", spec.name())));
    }

    private static void checkConvertible(CommandSpec spec, CommandOption option, String value) {
        if (option.type() == String.class || option.type() == Object.class) {
            return;
        }
        try {
            CONVERSION.convert(value, option.type());
        } catch (ConversionException | IllegalArgumentException e) {
            throw new UsageException(Tr.f("option --%s: '%s' is not a valid %s. Usage: %s", option.longName(), value,
                    CommandSpec.valueName(option), spec.synopsis()));
        }
    }

    private static void checkArguments(CommandSpec spec, List<String> positional) {
        long required = spec.arguments().stream().filter(CommandSpec.ArgumentSpec::required).count();
        if (positional.size() < required) {
            String missing = spec.arguments().get(positional.size()).name();
            throw new UsageException(Tr.f("missing %s. Usage: %s", missing, spec.synopsis()));
        }
        for (int i = 0; i < Math.min(positional.size(), spec.arguments().size()); i++) {
            CommandSpec.ArgumentSpec arg = spec.arguments().get(i);
            if (arg.type() == String.class || arg.type() == Object.class) continue;
            try {
                CONVERSION.convert(positional.get(i), arg.type());
            } catch (ConversionException | IllegalArgumentException e) {
                throw new UsageException(Tr.f("%s: '%s' is not a number. Usage: %s", arg.name(), positional.get(i), spec.synopsis()));
            }
        }
        if (!spec.varargs() && positional.size() > spec.arguments().size()) {
            throw new UsageException(Tr.f("unexpected argument '%s' for '%s' (quote values with spaces). Usage: %s",
                    positional.get(spec.arguments().size()), spec.name(), spec.synopsis()));
        }
    }
}
