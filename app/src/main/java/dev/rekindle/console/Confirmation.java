package dev.rekindle.console;

import dev.rekindle.i18n.Tr;
import org.springframework.shell.core.command.CommandContext;

/** Asks the operator before something that cannot be undone; scripts answer with --yes. */
public final class Confirmation {

    private Confirmation() {
    }

    /**
     * @return true to go ahead; false when the operator said no
     * @throws UsageException when nobody can be asked (a script without --yes)
     */
    public static boolean confirm(CommandContext ctx, String question, boolean yes) {
        if (yes) {
            return true;
        }
        String answer;
        try {
            answer = ctx.inputReader().readInput(question + " [y/N] ");
        } catch (Exception e) {
            answer = null;
        }
        if (answer == null) {
            throw new UsageException(Tr.f("%s — nobody to ask here: add --yes to confirm.", question));
        }
        return answer.trim().equalsIgnoreCase("y") || answer.trim().equalsIgnoreCase("yes");
    }
}
