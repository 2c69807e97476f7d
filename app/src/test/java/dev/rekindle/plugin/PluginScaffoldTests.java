package dev.rekindle.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rekindle.api.Channel;
import dev.rekindle.api.Strategy;
import dev.rekindle.shop.ShopProfile;
import dev.rekindle.support.ShellTestSupport;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.PluginState;
import org.springframework.core.env.StandardEnvironment;

/**
 * {@code plugins new} writes a project that an author outside this repository builds with plain Maven,
 * offline, against the rekindle-api of this build (its flattened pom: no parent needed), and the jar it
 * builds is picked up by the real plugin manager. Maven runs with a local repository of its own whose
 * {@code dev/rekindle} holds this build's API and whose other folders link to ~/.m2 (read only: nothing
 * of this branch is installed into the shared repository).
 */
class PluginScaffoldTests extends ShellTestSupport {

    @TempDir
    Path tmp;

    @Test
    void aScaffoldedChannelAndStrategyBuildOfflineAndRun() throws Exception {
        Path channelDir = tmp.resolve("channel-dingtalk");
        Path strategyDir = tmp.resolve("strategy-quiet-vips");
        Result channel = run("plugins new channel dingtalk --dir " + channelDir);
        Result strategy = run("plugins new strategy quiet-vips --dir " + strategyDir);
        assertEquals(0, channel.exit(), channel.all());
        assertEquals(0, strategy.exit(), strategy.all());
        assertTrue(channel.out().contains("src/main/java/com/example/rekindle/dingtalk/DingtalkChannel.java"), channel.out());
        assertEquals(2, run("plugins new channel dingtalk --dir " + channelDir).exit(), "an existing project is not overwritten");

        Path repo = localRepository();
        long t0 = System.nanoTime();
        mvnPackage(channelDir, repo);
        mvnPackage(strategyDir, repo);
        System.out.printf("scaffolded plugins built (mvn -o package, tests included) in %.1f s%n", (System.nanoTime() - t0) / 1e9);

        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        Files.copy(channelDir.resolve("target/channel-dingtalk-0.1.0.jar"), plugins.resolve("channel-dingtalk-0.1.0.jar"));
        Files.copy(strategyDir.resolve("target/strategy-quiet-vips-0.1.0.jar"), plugins.resolve("strategy-quiet-vips-0.1.0.jar"));
        RekindlePluginManager m = new RekindlePluginManager(plugins);
        m.loadAndStart();
        PluginExtensions x = new PluginExtensions(m, new PluginSettings(new StandardEnvironment()), List.of(),
                tmp.resolve("data").toString(), new ShopProfile("小店", "小店", ZoneId.of("Asia/Shanghai"), Clock.systemUTC()));
        try {
            assertEquals(PluginState.STARTED, m.getPlugin("channel-dingtalk").getPluginState(), m.problems().toString());
            assertEquals(PluginState.STARTED, m.getPlugin("strategy-quiet-vips").getPluginState(), m.problems().toString());
            PluginExtensions.Found<Channel> dingtalk = x.channels().get(0);
            assertEquals("dingtalk", dingtalk.id());
            assertEquals(List.of("url"), dingtalk.missingRequired(), "url is declared required and is not set");
            PluginExtensions.Found<Strategy> quiet = x.strategies().get(0);
            assertEquals("quiet-vips", quiet.id());
            assertTrue(m.problems().isEmpty(), m.problems().toString());
        } finally {
            m.stopPlugins();
        }
    }

    /**
     * Offline first, as an author with a warm repository builds; when an artifact the scaffold needs is not in
     * the local repository yet (a fresh CI machine has only what Rekindle's own build fetched: pf4j's own
     * slf4j-api, for one), once more online: the registry is reachable wherever the suite runs.
     */
    private static void mvnPackage(Path project, Path repo) throws Exception {
        Path log = project.resolve("build.log");
        int exit = mvn(project, repo, log, true);
        if (exit != 0 && read(log).contains("offline mode")) {
            System.out.printf("%s: an artifact was missing offline; building online%n", project.getFileName());
            exit = mvn(project, repo, log, false);
        }
        int code = exit;
        assertEquals(0, code, () -> "mvn package failed in " + project + ":\n" + read(log));
    }

    private static int mvn(Path project, Path repo, Path log, boolean offline) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("mvn", "-B", "-q", "-Dmaven.repo.local=" + repo, "package"));
        if (offline) cmd.add(1, "-o");
        Process p = new ProcessBuilder(cmd).directory(project.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "mvn package did not finish");
        return p.exitValue();
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** ~/.m2 linked folder by folder, with dev/rekindle/rekindle-api of this build (jar + flattened pom). */
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
        Path api = Files.createDirectories(repo.resolve("dev/rekindle/rekindle-api/" + version));
        Files.copy(Path.of("../api/.flattened-pom.xml"), api.resolve("rekindle-api-" + version + ".pom"));
        jar(Path.of("../api/target/classes"), api.resolve("rekindle-api-" + version + ".jar"));
        return repo;
    }

    private static void jar(Path classes, Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
                Stream<Path> entries = Files.walk(classes)) {
            for (Path p : entries.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                Files.copy(p, out);
                out.closeEntry();
            }
        }
    }
}
