package dev.rekindle.shell;

import java.util.List;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.ParsedInput;
import org.springframework.stereotype.Component;

/**
 * Spring Shell's extension point for reading a command line: a {@link CommandParser} bean replaces the
 * auto-configured {@code DefaultCommandParser}, which splits on a regex that knows only double quotes
 * ({@code --where "city = '上海'"} works there, {@code --name 'a b'} does not). Spring Shell's own runners use
 * this bean; Rekindle's runner goes through the same two steps (tokenise, then resolve and check the
 * words against the command), so every path reads a line the same way.
 */
@Component("commandParser")
class RekindleCommandParser implements CommandParser {

    private final CommandInvoker invoker;

    RekindleCommandParser(CommandInvoker invoker) {
        this.invoker = invoker;
    }

    /** @throws dev.rekindle.console.UsageException for an unclosed quote, an unknown command or option */
    @Override
    public ParsedInput parse(String input) {
        List<String> words = CommandLineTokenizer.tokenize(input);
        CommandSpec spec = invoker.resolve(words);
        return invoker.parse(spec, words.subList(spec.name().split(" ").length, words.size()));
    }
}
