package dev.rekindle.support;

import dev.rekindle.shell.CommandInvoker;
import dev.rekindle.shell.CommandLineTokenizer;
import dev.rekindle.console.StartupTask;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.shell.core.InputReader;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Runs real commands in-process against a real SQLite file in a temporary folder (an explicitly chosen
 * database: no demo data unless the test loads it). Test classes with the same configuration share one
 * Spring context and database (Spring's context cache), so each test sets up the data it needs, e.g. with
 * {@code demo reset --yes}; a class that adds properties gets its own context and folder.
 *
 * <pre>
 * class CustomerCommandsTests extends ShellTestSupport {
 *     &#64;Test void shouldFind() {
 *         run("demo reset --customers 500 --yes");
 *         Result r = run("customers find --name 王");
 *         assertEquals(0, r.exit());
 *     }
 * }
 * </pre>
 */
@SpringBootTest(properties = {"rekindle.runner.enabled=false", "spring.shell.interactive.enabled=false",
        "rekindle.db.explicit=true", "logging.threshold.console=OFF"})
public abstract class ShellTestSupport {

    /** Exit code and what the command printed on its output and error streams. */
    public record Result(int exit, String out, String err) {
        public String all() {
            return out + err;
        }
    }


    @Autowired
    protected CommandInvoker invoker;

    @Autowired
    private List<StartupTask> startupTasks;


    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        Path home = newHome();
        registry.add("rekindle.home", home::toString);
        registry.add("rekindle.db", () -> home.resolve("data").resolve("test.db").toString());
        registry.add("rekindle.plugins.dir", () -> home.resolve("plugins").toString());
        registry.add("logging.file.name", () -> home.resolve("logs").resolve("rekindle.log").toString());
    }

    private static Path newHome() {
        try {
            Path home = Files.createTempDirectory("rekindle-test");
            Files.createDirectories(home.resolve("plugins"));
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeEach
    void startUp() {
        // migrations are idempotent: running them before every test is cheap and keeps tests independent of order
        startupTasks.forEach(StartupTask::run);
    }

    /** Runs one command line as the operator would type it; questions are answered "no". */
    protected Result run(String line) {
        return run(line, prompt -> "n");
    }

    protected Result run(String line, Answers answers) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        InputReader input = new InputReader() {
            @Override
            public String readInput(String prompt) {
                return answers.answer(prompt);
            }
        };
        int exit = invoker.invoke(CommandLineTokenizer.tokenize(line), new PrintWriter(out, true),
                new PrintWriter(err, true), input);
        return new Result(exit, out.toString(), err.toString());
    }

    /** How the test answers a question the command asks. */
    @FunctionalInterface
    public interface Answers {
        String answer(String prompt);
    }
}
