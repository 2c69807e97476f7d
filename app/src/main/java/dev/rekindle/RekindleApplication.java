package dev.rekindle;

import dev.rekindle.shell.LaunchArguments;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Starts Rekindle: the interactive shell with no arguments, one command with arguments, a script with
 * {@code @FILE}. Global options ({@code --db PATH}) come before the command.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RekindleApplication {

    public static void main(String[] args) {
        LaunchArguments launch;
        try {
            launch = LaunchArguments.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("rekindle: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(run(launch));
    }

    static int run(LaunchArguments launch) {
        SpringApplication app = new SpringApplication(RekindleApplication.class);
        // "--x" options belong to our commands, not to Boot's property binding.
        app.setAddCommandLineProperties(false);
        Map<String, Object> defaults = new HashMap<>();
        if (launch.hasCommand()) {
            defaults.put("spring.shell.interactive.enabled", "false");
        }
        app.setDefaultProperties(defaults);
        StartupTrace trace = StartupTrace.install(app);
        launch.applyToSystemProperties();
        // the same values once more, first in line, so that `settings` can say they came from the command line
        Map<String, Object> options = new HashMap<>(launch.properties());
        app.addInitializers(context -> context.getEnvironment().getPropertySources()
                .addFirst(new org.springframework.core.env.MapPropertySource(dev.rekindle.console.SettingOrigins.COMMAND_LINE, options)));
        try {
            int code = SpringApplication.exit(app.run(launch.commandArgs()));
            if (trace != null) trace.report();
            reportPeakHeapForBenchmarks();
            return code;
        } catch (SpringApplication.AbandonedRunException e) {
            throw e; // the build's AOT processing stops the run here once the context is prepared
        } catch (RuntimeException e) {
            // The console log is off (it would mix with command output): say why we could not start.
            System.err.println("rekindle: cannot start: " + dev.rekindle.store.SqliteErrors.explain(e)
                    .or(() -> dev.rekindle.shell.BadSetting.explain(e))
                    .or(() -> operatorMessage(e))
                    .orElseGet(() -> dev.rekindle.shell.ErrorText.bounded(rootCause(e).getMessage())));
            System.err.println("details: " + java.nio.file.Path.of(System.getProperty("rekindle.home", "."), "logs", "rekindle.log"));
            return 1;
        }
    }

    /** Benchmarks run the real app and read its peak heap from stderr: {@code -Drekindle.bench=true}. */
    private static void reportPeakHeapForBenchmarks() {
        if (Boolean.getBoolean("rekindle.bench")) {
            long peak = java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP)
                    .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            System.err.printf("rekindle-bench peak-heap-mb=%d%n", peak / (1024 * 1024));
        }
    }

    /** A message written for the operator (a setting's check names its key), wherever Spring wrapped it. */
    private static java.util.Optional<String> operatorMessage(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof dev.rekindle.console.UserException) return java.util.Optional.of(t.getMessage());
        }
        return java.util.Optional.empty();
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
