package dev.rekindle.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rekindle.fakes.AliyunSmsFake;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real app, as a separate process, sends SMS to the loopback Aliyun fake and is killed with
 * SIGKILL at random points, then resumed; unknowns are reconciled through QuerySendDetails. At the end
 * every eligible recipient has received exactly one message and the campaign is finished.
 */
class KillAndResumeIT {

    private static final int CUSTOMERS = 300;
    private static final Path DIST = Path.of(System.getProperty("rekindle.dist", "target/rekindle"));

    @TempDir
    Path home;
    private AliyunSmsFake fake;
    private int runs;

    @BeforeEach
    void start() {
        fake = new AliyunSmsFake(0).latency(20).start();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void everyEligibleRecipientGetsExactlyOneMessageThoughTheAppIsKilledMidSend() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        System.out.println("KillAndResumeIT seed " + seed);
        assertEquals(0, run("demo", "reset", "--customers", String.valueOf(CUSTOMERS), "--yes").exit, "demo data");

        List<String> sendArgs = List.of("deliveries", "synthetic", "9001", "--channel", "sms", "--count", String.valueOf(CUSTOMERS),
                "--purpose", "care", "--yes");
        List<String> resumeArgs = new ArrayList<>(sendArgs);
        resumeArgs.add("--resume");
        int kills = 0;
        for (int k = 0; k < 4; k++) {
            Process p = launch(k == 0 ? sendArgs : resumeArgs);
            long before = fake.received();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (p.isAlive() && fake.received() == before && System.nanoTime() < deadline) Thread.sleep(20);
            if (p.isAlive()) {
                Thread.sleep(random.nextInt(1500));
                p.destroyForcibly(); // SIGKILL: no shutdown hook, no finally
                kills++;
            }
            p.waitFor(30, TimeUnit.SECONDS);
        }
        assertTrue(kills >= 2, "the app was killed mid-send at least twice (seed " + seed + ")");

        Result finish = run(resumeArgs);
        assertEquals(0, finish.exit, finish.out);
        Result reconcile = run(List.of("deliveries", "reconcile", "9001", "--channel", "sms", "--count", String.valueOf(CUSTOMERS),
                "--purpose", "care"));
        assertEquals(0, reconcile.exit, reconcile.out);
        Result last = run(resumeArgs);
        assertEquals(0, last.exit, last.out);
        Result status = run(List.of("deliveries", "status", "9001"));
        assertTrue(status.out.contains("— finished"), "after " + kills + " kills (seed " + seed + "):\n" + status.out
                + "\nreconcile:\n" + reconcile.out);

        Map<String, Long> byKey = fake.countsByOutId();
        byKey.forEach((key, n) -> assertEquals(1L, n, key + " received " + n + " times (seed " + seed + ")"));
        Set<String> eligible = eligiblePhones();
        assertEquals(eligible, new HashSet<>(fake.countsByPhone().keySet()), "exactly the eligible phones, none lost");
        assertEquals(eligible.size(), byKey.size());
        assertEquals(eligible.size(), count("SELECT count(*) FROM deliveries WHERE campaign_id = 9001 AND state = 'sent'"));
        assertEquals(0, count("SELECT count(*) FROM deliveries WHERE campaign_id = 9001 AND state NOT IN ('sent', 'skipped')"));
        System.out.println("KillAndResumeIT: " + kills + " kills, " + eligible.size() + " eligible, reconcile said:\n" + reconcile.out);
    }

    /** Stated independently of the guards: a real mobile, not erased, never refused by sms or by all channels. */
    private Set<String> eligiblePhones() throws SQLException {
        Set<String> phones = new HashSet<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("kill.db"));
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("""
                        SELECT c.mobile FROM (SELECT * FROM customers WHERE erased_at IS NULL ORDER BY id LIMIT %d) c
                        WHERE c.mobile_note IS NULL AND c.mobile GLOB '1[3-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'
                          AND NOT EXISTS (SELECT 1 FROM consents k WHERE k.customer_id = c.id AND k.channel IN ('sms', '*')
                                          AND k.granted = 0)""".formatted(CUSTOMERS))) {
            while (rs.next()) phones.add(rs.getString(1));
        }
        return phones;
    }

    private long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("kill.db"));
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private record Result(int exit, String out) {
    }

    private Result run(List<String> args) throws IOException, InterruptedException {
        Process p = launch(args);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + args);
        }
        return new Result(p.exitValue(), Files.readString(home.resolve("run-" + runs + ".out"), StandardCharsets.UTF_8));
    }

    private Result run(String... args) throws IOException, InterruptedException {
        return run(List.of(args));
    }

    private Process launch(List<String> args) throws IOException {
        runs++;
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xmx256m", "-XX:+UseSerialGC",
                "-Drekindle.home=" + home, "-Drekindle.plugins.dir=" + DIST.resolve("plugins"),
                "-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8",
                "-Drekindle.plugins.channel-sms.endpoint=" + fake.baseUrl(),
                "-Drekindle.plugins.channel-sms.access-key-id=" + AliyunSmsFake.DEFAULT_KEY_ID,
                "-Drekindle.plugins.channel-sms.access-key-secret=" + AliyunSmsFake.DEFAULT_KEY_SECRET,
                "-Drekindle.plugins.channel-sms.sign-name=暖心小铺",
                "-Drekindle.plugins.channel-sms.template-code=SMS_100",
                "-Drekindle.delivery.quiet-hours=none",
                "-Drekindle.language=en", // the test reads English progress lines
                "-Drekindle.delivery.rate.sms=40/s",
                "-Drekindle.delivery.reconcile.min-age-seconds=0",
                "-jar", DIST.resolve("rekindle-app.jar").toString(), "--db", home.resolve("kill.db").toString()));
        cmd.addAll(args);
        Path out = home.resolve("run-" + runs + ".out");
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    }

}
