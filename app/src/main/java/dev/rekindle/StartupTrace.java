package dev.rekindle;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;

/**
 * Where a start spends its time, for whoever works on start-up: {@code -Drekindle.startup-trace=true}
 * (e.g. {@code REKINDLE_JAVA_OPTS=-Drekindle.startup-trace=true ./rekindle status}) prints to stderr the JVM
 * uptime at main and at the end, and every Spring step (bean creation, context phases) that took 5 ms or more,
 * including the beans a command creates when it first needs them. See docs/dev/startup.md.
 */
final class StartupTrace {

    private final BufferingApplicationStartup startup = new BufferingApplicationStartup(20_000);
    private final long mainAt = ManagementFactory.getRuntimeMXBean().getUptime();

    static StartupTrace install(SpringApplication app) {
        if (!Boolean.getBoolean("rekindle.startup-trace")) return null;
        StartupTrace trace = new StartupTrace();
        app.setApplicationStartup(trace.startup);
        return trace;
    }

    void report() {
        StartupTimeline timeline = startup.getBufferedTimeline();
        long t0 = timeline.getStartTime().toEpochMilli();
        List<StartupTimeline.TimelineEvent> events = new ArrayList<>(timeline.getEvents());
        events.sort(Comparator.comparing(StartupTimeline.TimelineEvent::getStartTime));
        System.err.printf("startup-trace: main at %d ms of JVM uptime%n", mainAt);
        for (StartupTimeline.TimelineEvent e : events) {
            long ms = e.getDuration().toMillis();
            if (ms < 5) continue;
            StringBuilder tags = new StringBuilder();
            e.getStartupStep().getTags().forEach(t -> tags.append(' ').append(t.getKey()).append('=').append(t.getValue()));
            System.err.printf("startup-trace: +%5d ms %5d ms %s%s%n", e.getStartTime().toEpochMilli() - t0, ms,
                    e.getStartupStep().getName(), tags);
        }
        System.err.printf("startup-trace: end at %d ms of JVM uptime%n", ManagementFactory.getRuntimeMXBean().getUptime());
    }
}
