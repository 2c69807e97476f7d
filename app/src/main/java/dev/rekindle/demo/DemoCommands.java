package dev.rekindle.demo;

import dev.rekindle.i18n.Tr;
import dev.rekindle.console.Confirmation;
import dev.rekindle.console.Groups;
import dev.rekindle.console.UsageException;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

@Component
class DemoCommands {

    private final DemoService demo;

    DemoCommands(DemoService demo) {
        this.demo = demo;
    }

    @Command(name = {"demo", "reset"}, group = Groups.START,
            description = "Replace everything in the current database with demo customers and orders",
            help = """
                    demo reset
                    demo reset --customers 5000 --seed 7 --yes""")
    String reset(CommandContext ctx,
            @Option(longName = "customers", description = "how many demo customers", defaultValue = "20000") Integer customers,
            @Option(longName = "seed", description = "random seed; the same seed gives the same data", defaultValue = "42") Long seed,
            @Option(longName = "yes", description = "do not ask before replacing existing data") boolean yes) {
        if (customers < 1 || customers > 5_000_000) {
            throw new UsageException(Tr.f("--customers must be between 1 and 5000000, got %d", customers));
        }
        DemoService.Contents now = demo.contents();
        if (!now.isEmpty() && !Confirmation.confirm(ctx, Tr.f(
                "The database holds %,d customers and %,d orders. Delete them all and load demo data?",
                now.customers(), now.orders()), yes)) {
            return Tr.t("Nothing changed.");
        }
        return demo.reset(customers, seed);
    }
}
