package dev.rekindle.campaign;

import static dev.rekindle.campaign.CampaignCommandsTests.campaignId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rekindle.support.CampaignTestSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * A campaign's life as an operator lives it over days (issue 15): a plan keeps its snapshot and approved
 * template text until it is over, nobody is messaged twice for one occasion, every target ends with one
 * ledger row, an unready channel leaves only its own messages waiting, and the exit codes tell a script
 * what is left. Sends go through the built-in file channel (the SMS gateway is not installed here).
 */
@TestPropertySource(properties = {"rekindle.delivery.quiet-hours=none", "rekindle.segments.keep-snapshots=2",
        // birthdays in the next month: enough care customers in a small demo shop
        "rekindle.plugins.strategies.birthday-care.window-days=31", "rekindle.delivery.caps.care=100/1d"})
class CampaignLifecycleTests extends CampaignTestSupport {

    private static final Path TEMPLATES = copyOfTheTemplates();

    @DynamicPropertySource
    static void ownTemplates(DynamicPropertyRegistry registry) {
        // a copy the tests may edit, as an operator edits theirs
        registry.add("rekindle.templates.dir", TEMPLATES::toString);
    }

    @Autowired
    JdbcTemplate jdbc;

    @Value("${rekindle.data-dir}")
    String dataDir;

    @Test
    void aCampaignKeepsItsSnapshotWhileItIsOpenAndCanStillBeResumedAfterDailyRefreshes() {
        LocalDate today = demoWithSnapshot(600);
        long id = campaignId(run("campaigns plan winback-silent --channel sms --holdout 10"));
        long snapshot = jdbc.queryForObject("SELECT snapshot_id FROM campaigns WHERE id = ?", Long.class, id);
        assertEquals(3, run("campaigns send " + id + " --yes").exit(), "no SMS gateway here: the messages wait");

        for (int day = 3; day >= 1; day--) {
            assertEquals(0, run("segments refresh --as-of " + today.minusDays(day)).exit());
        }

        assertEquals(1, count("SELECT count(*) FROM snapshots WHERE id = ?", snapshot), "pinned while the campaign is open");
        Result preview = run("campaigns preview " + id);
        assertEquals(0, preview.exit(), preview.all());
        Result resume = run("campaigns resume " + id);
        assertEquals(3, resume.exit(), "still work left, not 'plan it again': " + resume.all());

        assertEquals(0, run("campaigns cancel " + id + " --yes").exit());
        assertEquals(0, run("segments refresh --as-of " + today).exit());
        assertEquals(0, count("SELECT count(*) FROM snapshots WHERE id = ?", snapshot), "released once the campaign is over");
    }

    @Test
    void nobodyIsMessagedTwiceForOneOccasionWhetherPlannedAgainOrThroughAnotherChannel() {
        demoWithSnapshot(1500);
        Result plan = run("campaigns plan winback-silent --channel file");
        long id = campaignId(plan);
        long before = outboxLines(id); // the outbox file outlives a demo reset
        assertEquals(0, run("campaigns send " + id + " --yes").exit());
        long sent = count("SELECT count(*) FROM deliveries WHERE campaign_id = ? AND state = 'sent'", id);
        assertTrue(sent > 0);

        Result again = run("campaigns plan winback-silent --channel file --again");
        Result otherChannel = run("campaigns plan winback-silent --channel email --again");

        assertEquals(0, again.exit(), again.all());
        assertTrue(again.out().contains("Nothing planned") && again.out().contains("already contacted for this occasion"), again.out());
        assertEquals(0, otherChannel.exit(), otherChannel.all());
        assertTrue(otherChannel.out().contains("already contacted for this occasion"), "the plan says so: " + otherChannel.out());
        assertEquals(0, count("""
                SELECT count(*) FROM campaign_members a JOIN campaign_members b ON a.customer_id = b.customer_id
                WHERE a.campaign_id = ? AND b.campaign_id <> a.campaign_id AND a.status IN ('target', 'holdout')
                  AND b.status IN ('target', 'holdout')""", id), "another channel only reaches whom the first plan could not");
        assertEquals(sent, outboxLines(id) - before, "the channel got each message once");
        assertEquals(0, count("""
                SELECT count(*) FROM (SELECT customer_id, occasion FROM deliveries WHERE state = 'sent'
                                      GROUP BY customer_id, occasion HAVING count(*) > 1)"""));
    }

    @Test
    void planningAnticipatesTheFrequencyCapsTheSendWouldApply() {
        demoWithSnapshot(600);
        // every demo customer with consent got a marketing message just now
        Result synthetic = run("deliveries synthetic 9001 --channel file --count 600 --purpose marketing --yes");
        assertEquals(0, synthetic.exit(), synthetic.all());

        Result plan = run("campaigns plan winback-silent --channel file --holdout 0");

        assertEquals(0, plan.exit(), plan.all());
        assertTrue(plan.out().contains("frequency cap 1/7d"), "the plan says who the cap stops: " + plan.out());
        assertEquals(0, count("""
                SELECT count(*) FROM campaign_members m JOIN campaigns c ON c.id = m.campaign_id
                WHERE c.strategy = 'winback-silent' AND m.status = 'target'"""), "nobody is planned whom the send would skip");
    }

    @Test
    void planningReadsOpenCampaignsWhosePlanTimeWasStoredWithoutSeconds() {
        demoWithSnapshot(600);
        long open = campaignId(run("campaigns plan winback-silent --channel file --holdout 0"));
        // how campaigns planned at hh:mm:00 were stored before: "2026-12-07 18:49"
        jdbc.update("UPDATE campaigns SET created_at = substr(created_at, 1, 16) WHERE id = ?", open);

        Result other = run("campaigns plan vip-exclusive --channel file --holdout 0");

        assertEquals(0, other.exit(), other.all());
        assertEquals(19, jdbc.queryForObject("SELECT length(created_at) FROM campaigns WHERE id = (SELECT max(id) FROM campaigns)",
                Integer.class), "plan times are stored with their seconds");
    }

    @Test
    void aLateOptOutIsRecordedInTheLedgerAndTheCountsAddUpToTheTargets(@org.junit.jupiter.api.io.TempDir Path tmp)
            throws IOException {
        demoWithSnapshot(600);
        long id = campaignId(run("campaigns plan winback-silent --channel file --holdout 0"));
        long targets = count("SELECT targets FROM campaigns WHERE id = ?", id);
        List<String> mobiles = jdbc.queryForList("""
                SELECT c.mobile FROM campaign_members m JOIN customers c ON c.id = m.customer_id
                WHERE m.campaign_id = ? AND m.status = 'target' ORDER BY m.customer_id LIMIT 2""", String.class, id);
        Path replies = tmp.resolve("replies.csv");
        Files.writeString(replies, "手机号码,回复内容,回复时间\n" + mobiles.get(0) + ",TD," + java.time.LocalDateTime.now().withNano(0)
                .toString().replace('T', ' ') + "\n" + mobiles.get(1) + ",退订," + java.time.LocalDateTime.now().withNano(0)
                .toString().replace('T', ' ') + "\n");
        Result imported = run("consents import " + replies);
        assertEquals(0, imported.exit(), imported.all());

        Result send = run("campaigns send " + id + " --yes");

        assertEquals(0, send.exit(), send.all());
        assertEquals(targets, count("SELECT count(*) FROM deliveries WHERE campaign_id = ?", id), "one ledger row per target");
        assertEquals(2, count("SELECT count(*) FROM deliveries WHERE campaign_id = ? AND state = 'skipped' AND reason = 'opted-out'", id),
                imported.out() + jdbc.queryForList("SELECT state || ' ' || coalesce(reason, '') FROM deliveries WHERE campaign_id = ?"
                        + " AND state <> 'sent'", String.class, id));
        assertEquals("finished", jdbc.queryForObject("SELECT status FROM campaigns WHERE id = ?", String.class, id));
        Result status = run("campaigns status " + id + " --format csv");
        long total = status.out().lines().skip(1).mapToLong(l -> Long.parseLong(l.split(",")[2])).sum();
        assertEquals(targets, total, status.out());
    }

    @Test
    void theQuestionComesAfterTheReadinessCheckAndNeverForAFinishedCampaign() {
        demoWithSnapshot(600);
        long unready = campaignId(run("campaigns plan winback-silent --channel sms --holdout 0"));
        List<String> asked = new ArrayList<>();

        Result declined = run("campaigns send " + unready, prompt -> {
            asked.add(prompt);
            return "n";
        });

        assertEquals(0, declined.exit(), declined.all());
        assertEquals(1, asked.size());
        assertTrue(asked.get(0).contains("Channel sms is not ready") && asked.get(0).contains("will wait as pending"), asked.get(0));
        assertEquals(0, count("SELECT count(*) FROM deliveries WHERE campaign_id = ?", unready), "a no sends nothing");

        long birthday = campaignId(run("campaigns plan birthday-care --channel file"));
        assertEquals(0, run("campaigns send " + birthday + " --yes").exit());
        asked.clear();
        Result finished = run("campaigns send " + birthday, prompt -> {
            asked.add(prompt);
            return "y";
        });
        assertEquals(0, finished.exit(), finished.all());
        assertTrue(finished.out().contains("is finished"), finished.out());
        assertTrue(asked.isEmpty(), "no question for a finished campaign: " + asked);
    }

    @Test
    void whatGoesOutIsTheTemplateTextThatWasApproved() throws IOException {
        demoWithSnapshot(400);
        long id = campaignId(run("campaigns plan winback-silent --channel file --holdout 0"));
        Path sms = TEMPLATES.resolve("winback-silent").resolve("sms.ftl");
        String approved = Files.readString(sms);
        try {
            Files.writeString(sms, approved.replace("好久不见", "限时返场"));

            Result show = run("campaigns show " + id);
            String before = dryRun(id);

            assertTrue(show.out().contains("changed since it was approved") && show.out().contains("campaigns approve " + id), show.out());
            assertTrue(before.contains("好久不见") && !before.contains("限时返场"), "the approved text goes out until re-approved");

            Result approve = run("campaigns approve " + id);
            assertEquals(0, approve.exit(), approve.all());
            String after = dryRun(id);
            assertTrue(after.contains("限时返场") && !after.contains("好久不见"), after.lines().findFirst().orElse(""));
        } finally {
            Files.writeString(sms, approved);
        }
    }

    @Test
    void careReachesEveryoneByDefaultWhileMarketingKeepsItsControlGroup() {
        demoWithSnapshot(1500);
        Result care = run("campaigns plan birthday-care --channel file");
        Result marketing = run("campaigns plan winback-silent --channel file");

        assertEquals(0.0, jdbc.queryForObject("SELECT holdout_pct FROM campaigns WHERE id = ?", Double.class, campaignId(care)));
        assertEquals(0, count("SELECT holdout FROM campaigns WHERE id = ?", campaignId(care)));
        assertEquals(10.0, jdbc.queryForObject("SELECT holdout_pct FROM campaigns WHERE id = ?", Double.class, campaignId(marketing)));
    }

    @Test
    void aDailyScriptGoesOnPastWorkLeftForLaterAndSaysSo() {
        demoWithSnapshot(600);
        Result plan = run("campaigns plan winback-silent --channel sms --holdout 0");
        long id = campaignId(plan);

        Result send = run("campaigns send winback-silent --yes");
        Result nothing = run("campaigns send winback-sleeping --yes");
        Result typo = run("campaigns send winback-sleepin --yes");
        Result resumeAll = run("campaigns resume --all-unfinished");

        assertEquals(3, send.exit(), send.all());
        assertTrue(send.out().contains("Campaign " + id + " is not finished"), send.out());
        assertEquals(0, nothing.exit(), "nothing planned today is nothing to do: " + nothing.all());
        assertTrue(nothing.out().contains("Nothing to send"), nothing.out());
        assertEquals(1, typo.exit(), "a typo is a failure, not 'nothing to do'");
        assertEquals(3, resumeAll.exit(), resumeAll.all());
        assertTrue(resumeAll.out().contains("Campaign " + id), resumeAll.out());
    }

    private String dryRun(long id) {
        Result r = run("campaigns dry-run " + id);
        assertEquals(0, r.exit(), r.all());
        try {
            return Files.readString(Path.of(dataDir, "outbox", "campaign-" + id + "-dry-run.jsonl"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long outboxLines(long id) {
        if (!Files.exists(Path.of(dataDir, "outbox", "file-channel.jsonl"))) return 0;
        try {
            return Files.readAllLines(Path.of(dataDir, "outbox", "file-channel.jsonl"), StandardCharsets.UTF_8).stream()
                    .filter(l -> l.contains("\"campaign\":" + id + ",")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    private static Path copyOfTheTemplates() {
        try {
            Path from = Path.of(System.getProperty("rekindle.templates.dir", "../templates"));
            Path to = Files.createTempDirectory("rekindle-templates");
            try (Stream<Path> files = Files.walk(from)) {
                for (Path f : files.toList()) {
                    Path target = to.resolve(from.relativize(f).toString());
                    if (Files.isDirectory(f)) Files.createDirectories(target);
                    else Files.copy(f, target);
                }
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
