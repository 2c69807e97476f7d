package dev.rekindle.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rekindle.support.ShellTestSupport;
import dev.rekindle.console.TextWidth;
import dev.rekindle.console.Table;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.ParsedInput;

/** What an operator meets when typing commands: help, exit codes and clear messages for mistakes. */
class CommandLineTests extends ShellTestSupport {

    @Autowired
    CommandParser springShellParser;

    @Test
    void springShellReadsLinesWithRekindlesQuotingRules() {
        // the auto-configured parser splits on a regex that knows only double quotes
        ParsedInput p = springShellParser.parse("customers find --name '王 小明' --limit 5");

        assertEquals("customers", p.commandName());
        assertEquals(java.util.List.of("find"), p.subCommands());
        assertEquals(java.util.List.of("王 小明", "5"), p.options().stream().map(CommandOption::value).toList());
    }

    @Test
    void positionalArgumentsAreKnownForEveryCommandWithoutReflection() {
        // read from the @Argument of the command's method (DeferredCommand, registered by CommandCatalog), not from Spring Shell's private field
        Result r = run("help campaigns show");

        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Usage: campaigns show ID"), r.out());
        assertEquals(2, run("campaigns show").exit());
    }

    @Test
    void helpShouldListCommandsByGroupWithDescriptions() {
        Result r = run("help");

        assertEquals(0, r.exit());
        assertTrue(r.out().indexOf("Getting started") < r.out().indexOf("Customers"), r.out());
        // the name column is as wide as the longest command name, which grows as features add commands
        assertTrue(r.out().matches("(?s).*customers find +Find customers by part of their name.*"), r.out());
        assertTrue(r.out().contains("plugins list"), r.out());
    }

    @Test
    void everyHelpPageFitsA120ColumnScreenWithLongDescriptionsWrappedUnderTheirColumn() {
        String overview = run("help").out();
        java.util.regex.Matcher names = java.util.regex.Pattern.compile("(?m)^  ([a-z-]+(?: [a-z-]+)*) {2,}").matcher(overview);
        List<String> pages = new java.util.ArrayList<>(List.of("help"));
        while (names.find()) {
            pages.add("help " + names.group(1));
        }
        assertTrue(pages.size() > 40, pages.toString());
        for (String page : pages) {
            // examples stay one line each, however long: they are commands to copy and paste
            String out = run(page).out();
            out.substring(0, out.contains("Examples:") ? out.indexOf("Examples:") : out.length()).lines()
                    .forEach(l -> assertTrue(TextWidth.of(l) <= Table.SCREEN, page + ": " + l));
        }
        // campaigns report's description is longer than a line: its end sits under the description column
        int column = overview.lines().filter(l -> l.startsWith("  campaigns report ")).findFirst().orElseThrow()
                .indexOf("What a campaign brought back");
        String end = overview.lines().filter(l -> l.contains("pooled (--strategy)")).findFirst().orElseThrow();
        assertTrue(end.startsWith(" ".repeat(column)) && end.charAt(column) != ' ', column + ": " + end);
    }

    @Test
    void helpForACommandShouldShowOptionsDefaultsAndExamples() {
        Result r = run("help customers find");

        assertEquals(0, r.exit());
        assertTrue(r.out().contains("Usage: customers find [--name NAME] [--mobile MOBILE] [--limit N] [--format FORMAT]"), r.out());
        assertTrue(r.out().contains("--limit N"), r.out());
        assertTrue(r.out().contains("(default 20)"), r.out());
        assertTrue(r.out().contains("Examples:\n  customers find --name 王"), r.out());
        assertEquals(r.out(), run("customers find --help").out());
    }

    @Test
    void helpForAFamilyOfCommandsListsThemWithoutAnError() {
        Result r = run("help campaigns");

        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().matches("(?s).*campaigns plan +Plan a campaign from a strategy.*"), r.out());
        assertTrue(r.out().contains("Type 'help campaigns …'"), r.out());
        assertEquals(2, run("help campaignz").exit());
    }

    @Test
    void anArgumentThatIsNoNumberIsAUsageErrorNamingIt() {
        Result r = run("campaigns show nosuch");

        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains("ID: 'nosuch' is not a number. Usage: campaigns show ID"), r.err());
        assertFalse(r.err().contains("For input string"), r.err());
    }

    @Test
    void anUnknownCommandIsAUsageErrorWithASuggestion() {
        Result r = run("custmers find --name x");

        assertEquals(2, r.exit());
        assertTrue(r.err().contains("unknown command 'custmers find'"), r.err());
        assertTrue(r.err().contains("Type 'help'"), r.err());
    }

    @Test
    void wordsInTheOtherOrderSuggestTheCommand() {
        Result r = run("import orders --file orders.csv");

        assertEquals(2, r.exit());
        assertTrue(r.err().contains("unknown command 'import orders'. Did you mean 'orders import'?"), r.err());
    }

    @Test
    void helpForAWordListsTheCommandsHavingIt() {
        Result r = run("help import");

        assertEquals(2, r.exit());
        assertTrue(r.err().contains("Commands with 'import': consents import, customers import, orders import, products import."),
                r.err());
    }

    @Test
    void aGroupWithoutSubCommandListsItsSubCommands() {
        Result r = run("customers");

        assertEquals(2, r.exit());
        assertTrue(r.err().contains("customers find"), r.err());
        assertTrue(r.err().contains("customers show"), r.err());
    }

    @Test
    void anUnknownOptionIsAUsageErrorNamingTheValidOnes() {
        Result r = run("customers find --nmae 王");

        assertEquals(2, r.exit());
        assertTrue(r.err().contains("unknown option '--nmae' for 'customers find'. Options: --name, --mobile, --limit, --format."), r.err());
    }

    @Test
    void aValueOfTheWrongTypeIsAUsageError() {
        Result r = run("customers find --name 王 --limit many");

        assertEquals(2, r.exit());
        assertTrue(r.err().contains("option --limit: 'many' is not a valid N"), r.err());
    }

    @Test
    void aMissingArgumentIsAUsageError() {
        Result r = run("customers show");

        assertEquals(2, r.exit());
        assertTrue(r.err().contains("missing ID. Usage: customers show ID"), r.err());
    }

    @Test
    void anExtraArgumentIsAUsageError() {
        Result r = run("customers show tb1 tb2");

        assertEquals(2, r.exit());
        assertTrue(r.err().contains("unexpected argument 'tb2'"), r.err());
    }

    @Test
    void aFailingCommandExitsWithOneAndNoStackTrace() {
        Result r = run("customers show nobody");

        assertEquals(1, r.exit());
        assertTrue(r.err().startsWith("Error: no customer with buyer id 'nobody'"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void aScriptWithoutYesCannotBeAskedAndSaysSo() {
        run("demo reset --customers 50 --yes");
        Result r = run("demo reset --customers 60", prompt -> null);

        assertEquals(2, r.exit());
        assertTrue(r.err().contains("add --yes to confirm"), r.err());
    }
}
