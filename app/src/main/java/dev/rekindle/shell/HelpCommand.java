package dev.rekindle.shell;

import dev.rekindle.console.Groups;
import dev.rekindle.console.UsageException;
import java.util.List;
import org.springframework.shell.core.command.annotation.Arguments;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.stereotype.Component;

/** {@code help} and {@code help COMMAND}; replaces Spring Shell's, which has no grouping order or examples. */
@Component
class HelpCommand {

    private final HelpRenderer renderer;
    private final CommandInvoker invoker;

    HelpCommand(HelpRenderer renderer, CommandInvoker invoker) {
        this.renderer = renderer;
        this.invoker = invoker;
    }

    @Command(name = "help", group = Groups.SHELL, description = "List commands by group, or show one command's options and examples",
            help = """
                    help
                    help customers
                    help customers find""")
    String help(@Arguments List<String> words) {
        if (words == null || words.isEmpty()) {
            return renderer.overview();
        }
        try {
            return renderer.commandHelp(invoker.resolve(words));
        } catch (UsageException e) {
            // "help customers": the commands of that family, not an error
            return renderer.family(String.join(" ", words)).orElseThrow(() -> e);
        }
    }
}
