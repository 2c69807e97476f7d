package dev.rekindle.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rekindle.support.ShellTestSupport;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.annotation.support.CommandFactoryBean;

/** The registry's deferred commands show exactly what Spring Shell's own registration would. */
class DeferredCommandTests extends ShellTestSupport {

    @Autowired
    CommandRegistry registry;

    @Autowired
    ApplicationContext context;

    @Test
    void everyCommandHasSpringShellsNameGroupHelpAndOptions() {
        List<DeferredCommand> deferred = registry.getCommands().stream()
                .filter(DeferredCommand.class::isInstance).map(DeferredCommand.class::cast).toList();
        assertTrue(deferred.size() > 50, "commands found: " + deferred.size());
        for (DeferredCommand d : deferred) {
            CommandFactoryBean factory = new CommandFactoryBean(d.method());
            factory.setApplicationContext(context);
            Command spring = factory.getObject();

            assertEquals(spring.getName(), d.getName());
            assertEquals(spring.getGroup(), d.getGroup(), d.getName());
            assertEquals(spring.getDescription(), d.getDescription(), d.getName());
            assertEquals(spring.getHelp(), d.getHelp(), d.getName());
            assertEquals(spring.isHidden(), d.isHidden(), d.getName());
            assertEquals(spring.getAliases(), d.getAliases(), d.getName());
            assertEquals(describe(spring.getOptions()), describe(d.getOptions()), d.getName());
        }
        assertTrue(registry.getCommandByName("quit") != null && registry.getCommandByAlias("exit") != null);
    }

    @Test
    void aDeferredCommandRunsWithSpringShellsConversionOfItsOptions() {
        run("demo reset --customers 30 --yes");
        Result r = run("customers find --name tb --limit 2 --format csv"); // every demo buyer id starts with tb

        assertEquals(0, r.exit(), r.all());
        assertEquals(3, r.out().strip().split("\n").length, "a header and the two asked for: " + r.out());
    }

    private static List<String> describe(List<CommandOption> options) {
        return options.stream().map(o -> o.longName() + "|" + o.shortName() + "|" + o.required() + "|" + o.defaultValue()
                + "|" + o.type().getName() + "|" + o.description()).toList();
    }
}
