package dev.rekindle.dist;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rekindle.dist.replay.CampaignReplay;
import dev.rekindle.dist.replay.Figures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue #15's proof: three weeks of the daily batch (src/test/resources/replay/daily.rk) on the demo shop, as
 * cron runs it, with the shop clock moved a day at a time; new orders and SMS opt-outs every day, the script run
 * twice on some days, a send killed with SIGKILL mid-way, the loopback Aliyun fake failing 5 % of the sends.
 * Afterwards: no campaign left unfinished, nobody messaged twice for one occasion, no frequency cap broken, no
 * message after an opt-out, every target with exactly one final ledger row. bench/soak.sh runs the same replay
 * ({@link CampaignReplay}) for 60 days. {@code -Dreplay.seed=N} repeats a run; {@code -Dreplay.days=N} shortens it.
 */
class DailyReplayIT {

    private static final Path DIST = Path.of(System.getProperty("rekindle.dist", "target/rekindle")).toAbsolutePath();

    /** Kept after the run (target/ is cleaned by mvn clean): the database, the day's files and every run's output. */
    private static final Path WORK = DIST.getParent().resolve("replay-it");

    @Test
    void threeWeeksOfTheDailyScriptLeaveNothingUnfinishedAndBreakNoRule() throws Exception {
        deleteRecursively(WORK);
        int days = Integer.getInteger("replay.days", 21);
        long seed = Long.getLong("replay.seed", 15);
        CampaignReplay.Result r = new CampaignReplay(CampaignReplay.Settings.of(days, DIST, WORK).withSeed(seed)).run();
        System.out.println(r.summary());

        Figures f = r.figures();
        assertNotNull(f, "the replay stopped before the figures:\n" + r.summary());
        String why = "\n" + r.summary() + "\n(every run's output is in " + WORK.resolve("logs") + ")";
        assertAll(
                () -> assertEquals(0, f.unfinishedCampaigns(), "campaigns left unfinished" + why),
                () -> assertEquals(0, f.doubleContacted(), "customers messaged twice for one occasion" + why),
                () -> assertEquals(0, f.capBreaches(), "frequency cap breaches" + why),
                () -> assertEquals(0, f.afterOptOut(), "messages after an opt-out" + why),
                () -> assertEquals(0, f.targetsWithoutOneFinalRow(), "targets without exactly one final ledger row" + why),
                () -> assertEquals(java.util.List.of(), r.problems(), "problems" + why),
                // the replay must have done what it claims, or the zeros above prove nothing
                () -> assertTrue(r.kills() >= 1, "a send was killed mid-way" + why),
                () -> assertTrue(r.lateOptOuts().size() >= 1, "opt-outs came in while a campaign was going out" + why),
                () -> assertTrue(r.messagesTaken() >= 20L * days, "messages went out every day" + why),
                () -> assertEquals(3, ((java.util.Map<?, ?>) r.providerStats().get("faults")).size(),
                        "the provider failed in all three ways (HTTP 500, throttling, dropped after receipt)" + why),
                () -> assertTrue(r.exitCodes().keySet().stream().allMatch(c -> c == 0 || c == 3), "every run exited 0 or 3" + why));
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
