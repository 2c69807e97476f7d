package dev.rekindle.shell;

import dev.rekindle.console.Interactive;
import dev.rekindle.console.Interrupts;
import dev.rekindle.console.StartupTask;
import dev.rekindle.console.Style;
import dev.rekindle.console.UsageException;
import dev.rekindle.i18n.LanguageSetting;
import dev.rekindle.i18n.Tr;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.shell.jline.JLineInputReader;
import org.springframework.stereotype.Component;

/**
 * The three ways Rekindle runs: the interactive shell (no arguments), one command (arguments, exit code
 * 0/1/2/3), or a script ({@code @FILE}: blank lines and # comments allowed, stops at the first failure and
 * names its line; a line that leaves work for later, exit 3, does not stop it, and the script then exits 3). Named like Spring Shell's own runner so that the auto-configured one backs off.
 */
@Component("springShellApplicationRunner")
class RekindleRunner implements ApplicationRunner, ExitCodeGenerator {

    static final String PROMPT = "rekindle:>";
    private static final Logger log = LoggerFactory.getLogger(RekindleRunner.class);

    private final CommandInvoker invoker;
    private final ObjectProvider<LineReader> lineReader;
    private final List<StartupTask> startupTasks;
    private final LanguageSetting language;
    private final boolean enabled;
    private final String colorSetting;
    private int exitCode;

    RekindleRunner(CommandInvoker invoker, ObjectProvider<LineReader> lineReader, List<StartupTask> startupTasks,
            LanguageSetting language, ConsoleProperties console) {
        this.colorSetting = console.color();
        this.invoker = invoker;
        this.language = language;
        this.lineReader = lineReader;
        this.startupTasks = startupTasks;
        this.enabled = console.runner().enabled();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return; // in-process tests drive the CommandInvoker themselves
        }
        String languageProblem = language.apply();
        if (languageProblem != null) {
            System.err.println(languageProblem);
        }
        String[] words = args.getSourceArgs();
        if (words.length == 0) {
            exitCode = interactive();
        } else {
            PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
            PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
            // System.console() is null when stdin or stdout is not a terminal: pipes, files, cron
            Style.enable(Style.decide(colorSetting, System.getenv("TERM"), System.console() != null, System.getenv("NO_COLOR")));
            if (!isHelpOnly(words)) {
                runStartupTasks(err);
            }
            exitCode = words[0].startsWith("@") && words.length == 1
                    ? script(Path.of(words[0].substring(1)), out, err)
                    : invoker.invoke(Arrays.asList(words), out, err, new OneShotInput(System.err));
        }
    }

    /** Help needs no database: skipping the schema check keeps `rekindle help` quick. */
    private static boolean isHelpOnly(String[] words) {
        return words[0].equals("help") || Arrays.asList(words).contains("--help");
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    private void runStartupTasks(PrintWriter notices) {
        for (StartupTask task : startupTasks) {
            task.run().ifPresent(notices::println);
        }
        notices.flush();
    }

    private int interactive() {
        LineReader reader = lineReader.getObject();
        Interactive.set(!"dumb".equals(reader.getTerminal().getType()));
        Style.enable(Style.decide(colorSetting, reader.getTerminal().getType(), true, System.getenv("NO_COLOR")));
        PrintWriter out = reader.getTerminal().writer();
        runStartupTasks(out);
        out.println(Tr.t("Rekindle — type 'help' for commands, TAB to complete, 'exit' to leave."));
        String prompt = Style.enabled()
                ? new AttributedString(PROMPT, AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW)).toAnsi(reader.getTerminal())
                : PROMPT;
        JLineInputReader input = new JLineInputReader(reader);
        while (true) {
            String line;
            try {
                line = reader.readLine(prompt);
            } catch (UserInterruptException e) {
                out.println(Tr.t("(Ctrl-C cancels the line; type 'exit' or press Ctrl-D to leave)"));
                continue;
            } catch (EndOfFileException e) {
                break;
            }
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (trimmed.equals("exit") || trimmed.equals("quit")) {
                break;
            }
            // Ctrl-C while the command runs cancels the command, not the shell: registered work (a send) stops
            // cleanly; anything else is interrupted and rolls back
            Thread commandThread = Thread.currentThread();
            Terminal terminal = reader.getTerminal();
            Terminal.SignalHandler before = terminal.handle(Terminal.Signal.INT, signal -> {
                if (!Interrupts.fire()) commandThread.interrupt();
            });
            try {
                invoker.invoke(CommandLineTokenizer.tokenize(trimmed), out, out, input);
            } catch (UsageException e) {
                out.println(Style.error(Tr.t("Usage error: ")) + e.getMessage());
            } finally {
                terminal.handle(Terminal.Signal.INT, before);
                Thread.interrupted(); // a Ctrl-C the command did not notice ends with it
            }
            out.flush();
        }
        return CommandInvoker.OK;
    }

    int script(Path file, PrintWriter out, PrintWriter err) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            err.println(Tr.f("Error: script file not found: %s", file.toAbsolutePath()));
            return CommandInvoker.FAILED;
        } catch (MalformedInputException e) {
            err.println(Tr.f("Error: script %s is not UTF-8 text; save it as UTF-8.", file));
            return CommandInvoker.FAILED;
        } catch (IOException e) {
            err.println(Tr.f("Error: cannot read script %s: %s", file, e.getMessage()));
            return CommandInvoker.FAILED;
        }
        boolean workLeft = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            log.info("script {} line {}: {}", file, i + 1, line);
            int code;
            try {
                code = invoker.invoke(CommandLineTokenizer.tokenize(line), out, err, new OneShotInput(System.err));
            } catch (UsageException e) {
                err.println(Style.error(Tr.t("Usage error: ")) + e.getMessage());
                code = CommandInvoker.USAGE;
            }
            if (code == CommandInvoker.WORK_LEFT) {
                // work left for later (messages pending, deferred, unknown) is no reason to skip the rest of the day
                workLeft = true;
                log.info("script {} line {} left work for later (exit 3); going on", file, i + 1);
                continue;
            }
            if (code != CommandInvoker.OK) {
                err.println(Style.error(Tr.f("Script %s stopped at line %d (exit %d): %s", file, i + 1, code, line)));
                log.warn("script {} stopped at line {} with exit code {}", file, i + 1, code);
                return code;
            }
        }
        if (workLeft) {
            err.println(Tr.f("Script %s finished with work left for later (exit 3): see the lines above; the next run resumes it.", file));
            return CommandInvoker.WORK_LEFT;
        }
        return CommandInvoker.OK;
    }
}
