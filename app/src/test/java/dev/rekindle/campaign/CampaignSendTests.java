package dev.rekindle.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rekindle.support.CampaignTestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** A planned campaign sent for real through the built-in file channel: exactly once, resumable, reported. */
@TestPropertySource(properties = {"rekindle.delivery.quiet-hours=none", "rekindle.delivery.caps.care=100/1d"})
class CampaignSendTests extends CampaignTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Value("${rekindle.data-dir:${rekindle.home}/data}")
    Path dataDir;

    @Test
    void shouldSendEveryTargetOnceAndNothingTwice() throws Exception {
        demoWithSnapshot(1200);
        Result plan = run("campaigns plan winback-silent --channel file --holdout 10");
        assertEquals(0, plan.exit(), plan.all());
        long id = jdbc.sql("SELECT max(id) FROM campaigns").query(Long.class).single();
        long targets = jdbc.sql("SELECT count(*) FROM campaign_members WHERE campaign_id = ? AND status = 'target'")
                .param(id).query(Long.class).single();
        assertTrue(targets > 0, plan.out());

        assertEquals(0, run("campaigns send " + id).exit(), "answered no: nothing sent");
        assertEquals(0, jdbc.sql("SELECT count(*) FROM deliveries WHERE campaign_id = ?").param(id).query(Long.class).single());

        Result sent = run("campaigns send " + id + " --yes");
        assertEquals(0, sent.exit(), sent.all());
        long delivered = jdbc.sql("SELECT count(*) FROM deliveries WHERE campaign_id = ? AND state = 'sent'")
                .param(id).query(Long.class).single();
        long final_ = jdbc.sql("SELECT count(*) FROM deliveries WHERE campaign_id = ?").param(id).query(Long.class).single();
        assertTrue(delivered > 0, sent.out());
        assertTrue(final_ <= targets, "one ledger row per target at most");
        Path file = dataDir.resolve("outbox").resolve("file-channel.jsonl");
        long lines = Files.readAllLines(file).stream().filter(l -> l.contains("\"campaign\":" + id + ",")).count();
        assertEquals(delivered, lines, "the channel received exactly the messages the ledger says were sent");

        Result again = run("campaigns resume " + id);
        assertEquals(0, again.exit(), again.all());
        assertEquals(lines, Files.readAllLines(file).stream().filter(l -> l.contains("\"campaign\":" + id + ",")).count(),
                "a resume after a finished send sends nothing twice");

        Result status = run("campaigns status " + id + " --format csv");
        assertEquals(0, status.exit(), status.all());
        assertTrue(status.out().contains(id + ",sent," + delivered + ",true"), status.out());
        assertEquals("finished", jdbc.sql("SELECT status FROM campaigns WHERE id = ?").param(id).query(String.class).single());
    }

    @Test
    void aChannelThatCannotSendLeavesItsMessagesPendingWithTheReasonAndExitsThree() {
        demoWithSnapshot(600);
        assertEquals(0, run("campaigns plan winback-silent --channel sms --holdout 0").exit());
        long id = jdbc.sql("SELECT max(id) FROM campaigns").query(Long.class).single();
        long targets = jdbc.sql("SELECT targets FROM campaigns WHERE id = ?").param(id).query(Long.class).single();

        Result r = run("campaigns send " + id + " --yes"); // no SMS gateway is installed in this test

        assertEquals(3, r.exit(), "work left: " + r.all());
        assertTrue(r.out().contains("Channel sms is not ready"), r.out());
        assertEquals(0, jdbc.sql("SELECT count(*) FROM deliveries WHERE campaign_id = ? AND state = 'sent'")
                .param(id).query(Long.class).single());
        assertEquals(targets, jdbc.sql("SELECT count(*) FROM deliveries WHERE campaign_id = ? AND state = 'pending'"
                + " AND reason = 'channel-not-ready'").param(id).query(Long.class).single(), "every target waits, with the reason");
        assertEquals("sending", jdbc.sql("SELECT status FROM campaigns WHERE id = ?").param(id).query(String.class).single());

        // cancelled: nothing will go out, and every target is accounted for
        Result cancel = run("campaigns cancel " + id + " --yes");
        assertEquals(0, cancel.exit(), cancel.all());
        assertEquals(targets, jdbc.sql("SELECT count(*) FROM deliveries WHERE campaign_id = ? AND state = 'cancelled'")
                .param(id).query(Long.class).single());
        Result after = run("campaigns send " + id + " --yes");
        assertEquals(0, after.exit(), after.all());
        assertTrue(after.out().contains("was cancelled"), after.out());
    }
}
