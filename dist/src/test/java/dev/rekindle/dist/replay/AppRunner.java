package dev.rekindle.dist.replay;

import dev.rekindle.fakes.AliyunSmsFake;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts the assembled app (dist/target/rekindle) as a child JVM per command or script, the way cron does:
 * the embedded demo database under {@code home}, the shop clock set with {@code rekindle.clock.now}, the SMS
 * channel pointed at the loopback Aliyun fake. Every run's output is kept in {@code home/logs/}.
 */
final class AppRunner {

    /** One finished child: its exit code and everything it printed (stdout and stderr, merged). */
    record Run(String label, int exit, String out, Path log, long millis) {
        String tail() {
            String[] lines = out.split("\n");
            return String.join("\n", Arrays.asList(lines).subList(Math.max(0, lines.length - 12), lines.length));
        }
    }

    /** A child still running. */
    record Child(String label, Process process, Path log, long startedNanos) {
    }

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final long TIMEOUT_SECONDS = 300;

    private final Path dist;
    private final Path home;
    private final String smsEndpoint;
    private final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private Path jar;
    private Path cds;
    private int runs;

    AppRunner(Path dist, Path home, String smsEndpoint) {
        this.dist = dist;
        this.home = home;
        this.smsEndpoint = smsEndpoint;
        this.jar = dist.resolve("rekindle-app.jar");
    }

    Path home() {
        return home;
    }

    /**
     * What the launcher does, once per replay: extract the jar and record a class-data archive with a training
     * run; each of the replay's thirty-odd starts is then about a second faster. Falls back to the fat jar.
     */
    void prepare() throws IOException, InterruptedException {
        Files.createDirectories(home.resolve("logs"));
        Path app = home.resolve("app");
        Process x = new ProcessBuilder(java, "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", app.toString())
                .redirectErrorStream(true).redirectOutput(home.resolve("logs/extract.out").toFile()).start();
        if (x.waitFor(120, TimeUnit.SECONDS) && x.exitValue() == 0 && Files.exists(app.resolve("rekindle-app.jar"))) {
            jar = app.resolve("rekindle-app.jar");
        } else {
            return;
        }
        Path train = Files.createDirectories(home.resolve("cds-training"));
        Path archive = home.resolve("app.jsa");
        List<String> cmd = new ArrayList<>(List.of(java, "-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
        cmd.addAll(jvmOptions(train, null));
        cmd.addAll(List.of("-jar", jar.toString(), "--db", train.resolve("train.db").toString(), "status"));
        Process t = new ProcessBuilder(cmd).directory(train.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true).redirectOutput(home.resolve("logs/cds-training.out").toFile()).start();
        if (t.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) && t.exitValue() == 0 && Files.exists(archive)) {
            cds = archive;
        }
    }

    Run run(String label, LocalDateTime clock, List<String> extraJvm, String... args) throws IOException, InterruptedException {
        return finish(start(label, clock, extraJvm, args));
    }

    Child start(String label, LocalDateTime clock, List<String> extraJvm, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(java));
        if (cds != null) cmd.addAll(List.of("-XX:SharedArchiveFile=" + cds, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
        cmd.addAll(jvmOptions(home, clock));
        cmd.addAll(extraJvm);
        cmd.addAll(List.of("-jar", jar.toString()));
        cmd.addAll(List.of(args));
        Path log = home.resolve("logs").resolve(String.format("%03d-%s.out", ++runs, label));
        Process p = new ProcessBuilder(cmd).directory(home.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new Child(label, p, log, System.nanoTime());
    }

    Run finish(Child c) throws IOException, InterruptedException {
        if (!c.process().waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            c.process().destroyForcibly();
            throw new IllegalStateException(c.label() + " did not end within " + TIMEOUT_SECONDS + " s; output in " + c.log());
        }
        return new Run(c.label(), c.process().exitValue(), Files.readString(c.log(), StandardCharsets.UTF_8), c.log(),
                (System.nanoTime() - c.startedNanos()) / 1_000_000);
    }

    private List<String> jvmOptions(Path rekindleHome, LocalDateTime clock) {
        Path project = dist.getParent().getParent().getParent();
        List<String> o = new ArrayList<>(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss2m", "-Xmx384m",
                "-Drekindle.home=" + rekindleHome, "-Drekindle.plugins.dir=" + dist.resolve("plugins"),
                "-Drekindle.templates.dir=" + project.resolve("templates"),
                "-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8",
                "-Drekindle.language=en", // the harness reads a few English lines (help, errors)
                "-Drekindle.plugins.channel-sms.endpoint=" + smsEndpoint,
                "-Drekindle.plugins.channel-sms.access-key-id=" + AliyunSmsFake.DEFAULT_KEY_ID,
                "-Drekindle.plugins.channel-sms.access-key-secret=" + AliyunSmsFake.DEFAULT_KEY_SECRET,
                "-Drekindle.plugins.channel-sms.sign-name=暖心小铺",
                "-Drekindle.plugins.channel-sms.template-code=SMS_100"));
        if (clock != null) o.add("-Drekindle.clock.now=" + clock.format(CLOCK));
        return o;
    }
}
