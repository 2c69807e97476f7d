package dev.rekindle.shell;

import dev.rekindle.console.Groups;
import dev.rekindle.console.UsageException;
import dev.rekindle.i18n.Language;
import dev.rekindle.i18n.Tr;
import java.util.Locale;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.stereotype.Component;

/** The {@code language} command lives with the shell, not in i18n: the catalog must not depend on the console. */
@Component
class LanguageCommands {

    @Command(name = "language", group = Groups.SHELL,
            description = "Show or switch the interface language (en, zh, auto) for this session",
            help = """
                    language
                    language zh
                    language en""")
    String language(@Argument(index = 0, description = "LANG: en, zh or auto (the system locale); left out shows the current one",
            defaultValue = "current") String value) {
        if (!value.equals("current")) {
            try {
                Tr.use(Language.of(value, Locale.getDefault()));
            } catch (IllegalArgumentException e) {
                throw new UsageException(Tr.f("unknown language '%s': use en, zh or auto", value));
            }
        }
        return Tr.f("Interface language: %s. To keep it, start with --lang %s or set rekindle.language=%s "
                + "(or REKINDLE_LANGUAGE=%s).", Tr.language().code(), Tr.language().code(),
                Tr.language().code(), Tr.language().code());
    }
}
