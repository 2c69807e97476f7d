package dev.rekindle.plugintest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The author's path end to end: {@code plugins new} writes a project that an author outside this repository
 * builds with plain Maven, offline, against this build's rekindle-api (its flattened pom: no parent needed)
 * and rekindle-plugin-test; {@code mvn verify} runs the project's unit tests and the kit on the jar it built
 * (a real host, sends, faults, a killed JVM); and the jars are then picked up by {@code plugins list}.
 * (Here rather than in the app: the kit is built after the app.)
 *
 * <p>Maven runs with a local repository of its own whose {@code dev/rekindle} holds this build's artifacts
 * and whose other folders link to ~/.m2 (read only: nothing of this branch is installed into the shared
 * repository). On a fresh machine an artifact the scaffold needs may be missing offline (pf4j's own
 * slf4j-api, which Rekindle's build never fetches): then it builds once more online.
 */
class PluginScaffoldTests {

    @TempDir
    Path tmp;

    @Test
    void aScaffoldedChannelAndStrategyBuildOfflinePassTheKitAndRun() throws Exception {
        Path channelDir = tmp.resolve("channel-dingtalk");
        Path strategyDir = tmp.resolve("strategy-quiet-vips");
        try (KitHost host = KitHost.create(tmp.resolve("author"), List.of(), Map.of())) {
            KitHost.Result channel = host.run("plugins new channel dingtalk --dir " + channelDir);
            KitHost.Result strategy = host.run("plugins new strategy quiet-vips --dir " + strategyDir);
            assertEquals(0, channel.exit(), channel.all());
            assertEquals(0, strategy.exit(), strategy.all());
            assertTrue(channel.out().contains("src/test/java/com/example/rekindle/dingtalk/DingtalkKitIT.java"), channel.out());
            assertEquals(2, host.run("plugins new channel dingtalk --dir " + channelDir).exit(), "an existing project is not overwritten");
        }

        Path repo = localRepository();
        long t0 = System.nanoTime();
        mvnVerify(channelDir, repo);
        System.out.printf("scaffolded channel built and kit-tested (mvn -o verify) in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        t0 = System.nanoTime();
        mvnVerify(strategyDir, repo);
        System.out.printf("scaffolded strategy built and kit-tested (mvn -o verify) in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        assertKitPassed(channelDir, "com.example.rekindle.dingtalk.DingtalkKitIT");
        assertKitPassed(strategyDir, "com.example.rekindle.quietvips.QuietVipsKitIT");

        List<Path> jars = List.of(channelDir.resolve("target/channel-dingtalk-0.1.0.jar"), strategyDir.resolve("target/strategy-quiet-vips-0.1.0.jar"));
        try (KitHost host = KitHost.create(tmp.resolve("shop"), jars, Map.of())) {
            KitHost.Result list = host.run("plugins list");
            assertEquals(0, list.exit(), list.all());
            assertTrue(list.out().lines().anyMatch(l -> l.contains("channel-dingtalk") && l.contains("STARTED")), list.out());
            assertTrue(list.out().lines().anyMatch(l -> l.contains("strategy-quiet-vips") && l.contains("STARTED")), list.out());
            KitHost.Result show = host.run("channels show dingtalk");
            assertTrue(show.out().contains("missing url"), "url is declared required and is not set:\n" + show.all());
            assertEquals(0, host.run("strategies show quiet-vips").exit());
        }
    }

    /** Failsafe ran the kit class and none of its tests failed (a build without it would pass too). */
    private static void assertKitPassed(Path project, String kitClass) throws IOException {
        Path report = project.resolve("target/failsafe-reports/TEST-" + kitClass + ".xml");
        assertTrue(Files.exists(report), "the kit did not run in " + project + ":\n" + read(project.resolve("build.log")));
        Matcher m = Pattern.compile("<testsuite [^>]*").matcher(Files.readString(report));
        assertTrue(m.find(), report.toString());
        String suite = m.group();
        // a check may be skipped when it does not apply (the dry run of a group channel: demo customers have no group)
        assertTrue(suite.contains("failures=\"0\"") && suite.contains("errors=\"0\""), suite);
        Matcher tests = Pattern.compile("tests=\"(\\d+)\"").matcher(suite);
        assertTrue(tests.find() && Integer.parseInt(tests.group(1)) >= 4, suite);
    }

    private static void mvnVerify(Path project, Path repo) throws Exception {
        Path log = project.resolve("build.log");
        int exit = mvn(project, repo, log, true);
        if (exit != 0 && read(log).contains("offline mode")) {
            System.out.printf("%s: an artifact was missing offline; building online%n", project.getFileName());
            exit = mvn(project, repo, log, false);
        }
        int code = exit;
        assertEquals(0, code, () -> "mvn verify failed in " + project + ":\n" + read(log));
    }

    private static int mvn(Path project, Path repo, Path log, boolean offline) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("mvn", "-B", "-q", "-Dmaven.repo.local=" + repo, "verify"));
        if (offline) cmd.add(1, "-o");
        Process p = new ProcessBuilder(cmd).directory(project.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(15, TimeUnit.MINUTES), "mvn verify did not finish");
        return p.exitValue();
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return e.toString();
        }
    }

    /**
     * ~/.m2 linked folder by folder, with this build's dev/rekindle artifacts: the parent pom, the api (jar +
     * flattened pom), and the kit with what it brings (app, fakes), each its classes as a jar and its pom.
     */
    private Path localRepository() throws IOException {
        Path shared = Path.of(System.getProperty("user.home"), ".m2", "repository");
        Path repo = Files.createDirectories(tmp.resolve("repository"));
        try (Stream<Path> top = Files.list(shared)) {
            for (Path dir : top.filter(Files::isDirectory).toList()) {
                if (!dir.getFileName().toString().equals("dev")) {
                    Files.createSymbolicLink(repo.resolve(dir.getFileName()), dir);
                }
            }
        }
        String version = dev.rekindle.api.ApiVersion.current();
        Path root = Path.of("..");
        install(repo, "rekindle-parent", version, root.resolve("pom.xml"), null);
        install(repo, "rekindle-api", version, root.resolve("api/.flattened-pom.xml"), root.resolve("api/target/classes"));
        install(repo, "rekindle-fakes", version, root.resolve("fakes/pom.xml"), root.resolve("fakes/target/classes"));
        install(repo, "rekindle-app", version, root.resolve("app/pom.xml"), root.resolve("app/target/classes"));
        install(repo, "rekindle-plugin-test", version, Path.of(".flattened-pom.xml"), Path.of("target/classes"));
        return repo;
    }

    private static void install(Path repo, String artifact, String version, Path pom, Path classes) throws IOException {
        Path dir = Files.createDirectories(repo.resolve("dev/rekindle/" + artifact + "/" + version));
        Files.copy(pom, dir.resolve(artifact + "-" + version + ".pom"));
        if (classes != null) jar(classes, dir.resolve(artifact + "-" + version + ".jar"));
    }

    private static void jar(Path classes, Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
                Stream<Path> entries = Files.walk(classes)) {
            // directory entries too, as Maven writes them: Spring's component scan finds packages through them
            for (Path p : entries.filter(p -> !p.equals(classes)).sorted().toList()) {
                String name = classes.relativize(p).toString().replace('\\', '/');
                if (Files.isDirectory(p)) {
                    out.putNextEntry(new JarEntry(name + "/"));
                } else {
                    out.putNextEntry(new JarEntry(name));
                    Files.copy(p, out);
                }
                out.closeEntry();
            }
        }
    }
}
