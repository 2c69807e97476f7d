package dev.rekindle.console;

import java.util.List;

/**
 * Offers values for TAB completion of an option or argument: strategy ids after {@code --strategy},
 * campaign ids after {@code campaigns show}, channel ids after {@code --channel}… Feature packages
 * contribute beans; the shell asks all of them.
 */
public interface ValueCompleter {

    /**
     * @param command the full command name, e.g. {@code campaigns show}
     * @param slot    an option's long name ({@code channel}) or a positional argument ({@code arg0})
     * @return candidate values, empty when this completer does not know the slot
     */
    List<String> values(String command, String slot);
}
