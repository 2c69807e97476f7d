package dev.rekindle.shell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.springframework.shell.core.InputReader;

/**
 * Questions asked by a one-shot command ("really delete?"): answered from the terminal when there is
 * one, otherwise there is nobody to ask and the command must be told with --yes.
 */
final class OneShotInput implements InputReader {

    private final PrintStream prompts;

    OneShotInput(PrintStream prompts) {
        this.prompts = prompts;
    }

    @Override
    public String readInput(String prompt) throws IOException {
        if (System.console() == null) {
            return null;
        }
        prompts.print(prompt);
        prompts.flush();
        return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    }
}
