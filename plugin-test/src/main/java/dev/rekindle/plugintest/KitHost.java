package dev.rekindle.plugintest;

import dev.rekindle.RekindleApplication;
import dev.rekindle.shell.CommandInvoker;
import dev.rekindle.shell.CommandLineTokenizer;
import dev.rekindle.console.StartupTask;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.shell.core.InputReader;

/**
 * A real Rekindle host in this JVM: the app's own Spring context (plugin manager, settings binding, delivery
 * engine, ledger, commands) on a SQLite file in a temporary home whose {@code plugins/} folder holds only the
 * jar under test. Its settings are written to {@code kit.properties} in the home, so that a second process
 * ({@link KitSender}) runs the same host on the same database.
 */
public final class KitHost implements AutoCloseable {

    static final String PROPERTIES = "kit.properties";

    /** Exit code and what a command printed, as the operator would see it. */
    public record Result(int exit, String out, String err) {
        public String all() {
            return out + err;
        }
    }

    private final Path home;
    private final ConfigurableApplicationContext context;

    private KitHost(Path home, ConfigurableApplicationContext context) {
        this.home = home;
        this.context = context;
    }

    /**
     * Prepares {@code home} (plugins folder with the jar, database, logs) and starts the host.
     *
     * @param properties extra properties, e.g. {@code rekindle.plugins.<plugin-id>.<name>} settings
     */
    public static KitHost create(Path home, Path pluginJar, Map<String, String> properties) {
        return create(home, List.of(pluginJar), properties);
    }

    /** A host with these plugin jars (none: a host without plugins, e.g. to run {@code plugins new}). */
    public static KitHost create(Path home, List<Path> pluginJars, Map<String, String> properties) {
        try {
            Path plugins = Files.createDirectories(home.resolve("plugins"));
            for (Path jar : pluginJars) Files.copy(jar, plugins.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            Files.createDirectories(home.resolve("data"));
            Properties p = new Properties();
            p.putAll(hostProperties(home));
            p.putAll(properties);
            try (OutputStream out = Files.newOutputStream(home.resolve(PROPERTIES))) {
                p.store(out, "rekindle-plugin-test: the host's settings (written by the kit, read by KitSender)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return open(home);
    }

    /** Starts a host on a home prepared by {@link #create}. */
    public static KitHost open(Path home) {
        Map<String, Object> props = new LinkedHashMap<>();
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(home.resolve(PROPERTIES))) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        p.forEach((k, v) -> props.put(k.toString(), v.toString()));
        SpringApplication app = new SpringApplication(RekindleApplication.class);
        app.setAddCommandLineProperties(false);
        // first in line, before logging starts: application.properties must not override the kit's folders
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("rekindle-plugin-test", props));
        app.setEnvironment(env);
        ConfigurableApplicationContext context = app.run();
        KitHost host = new KitHost(home, context);
        context.getBeansOfType(StartupTask.class).values().forEach(StartupTask::run);
        return host;
    }

    /** The host's folders and a delivery policy that lets the kit's messages through at any hour. */
    private static Map<String, String> hostProperties(Path home) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("rekindle.runner.enabled", "false");
        m.put("spring.shell.interactive.enabled", "false");
        m.put("rekindle.home", home.toString());
        m.put("rekindle.db", home.resolve("data").resolve("kit.db").toString());
        m.put("rekindle.db.explicit", "true");
        m.put("rekindle.plugins.dir", home.resolve("plugins").toString());
        m.put("rekindle.plugins.bundled", "");
        m.put("logging.file.name", home.resolve("logs").resolve("rekindle.log").toString());
        m.put("logging.threshold.console", "OFF");
        // the kit sends at any hour and to the same made-up customers more than once
        m.put("rekindle.delivery.quiet-hours", "none");
        m.put("rekindle.delivery.caps.care", "none");
        m.put("rekindle.delivery.caps.marketing", "none");
        // a short backoff keeps the fault test short; reconcile may look up unknowns at once
        m.put("rekindle.delivery.retry.base-ms", "200");
        m.put("rekindle.delivery.retry.max-ms", "2000");
        m.put("rekindle.delivery.reconcile.min-age-seconds", "0");
        m.put("rekindle.delivery.lease-stale-seconds", "5");
        return m;
    }

    public Path home() {
        return home;
    }

    public Path log() {
        return home.resolve("logs").resolve("rekindle.log");
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** Runs one command line as the operator would type it; questions are answered "no". */
    public Result run(String line) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        InputReader no = new InputReader() {
            @Override
            public String readInput(String prompt) {
                return "n";
            }
        };
        int exit = bean(CommandInvoker.class).invoke(CommandLineTokenizer.tokenize(line), new PrintWriter(out, true),
                new PrintWriter(err, true), no);
        return new Result(exit, out.toString(), err.toString());
    }

    /** Runs one command given as words (no quoting needed). */
    public Result run(List<String> words) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = bean(CommandInvoker.class).invoke(words, new PrintWriter(out, true), new PrintWriter(err, true), new InputReader() {
            @Override
            public String readInput(String prompt) {
                return "n";
            }
        });
        return new Result(exit, out.toString(), err.toString());
    }

    @Override
    public void close() {
        context.close();
    }
}
