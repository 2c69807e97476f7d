package dev.rekindle.campaign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rekindle.support.CampaignTestSupport;
import dev.rekindle.template.TemplateProblem;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rendering on several threads hands chunks over in customer order: the outbox is byte for byte what one
 * thread writes, and what the message stream used by send mode yields; opt-outs since planning are skipped.
 */
class DryRunInOrderTests extends CampaignTestSupport {

    @Autowired
    CampaignMessages messages;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CampaignRepository campaigns;

    @TempDir
    Path tmp;

    private record Rendered(byte[] bytes, long handled, long messages, String skipped) {
    }

    private Rendered render(long id, int threads, int chunk) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long[] counts = new long[2];
        StringBuilder skipped = new StringBuilder();
        Outbox outbox = new Outbox(tmp.resolve("unused-" + threads + "-" + chunk + ".jsonl"));
        long handled = messages.renderInOrder(id, threads, chunk, outbox::lines, c -> {
            out.write(c.bytes(), 0, c.length());
            counts[0] += c.handled();
            counts[1] += c.messages();
            skipped.append(c.skipped());
        });
        outbox.close();
        assertEquals(counts[0], handled);
        return new Rendered(out.toByteArray(), handled, counts[1], skipped.toString());
    }

    @Test
    void shouldWriteTheSameOutboxOnAnyNumberOfThreads() throws Exception {
        demoWithSnapshot(400);
        long id = CampaignCommandsTests.campaignId(run("campaigns plan winback-silent --holdout 10"));
        long targets = jdbc.queryForObject("SELECT targets FROM campaigns WHERE id = ?", Long.class, id);
        long optedOut = jdbc.queryForObject("SELECT customer_id FROM campaign_members WHERE campaign_id = ? AND status = 'target'"
                + " ORDER BY customer_id LIMIT 1 OFFSET 5", Long.class, id);
        jdbc.update("INSERT OR REPLACE INTO consents(customer_id, channel, granted, source, recorded_at) VALUES (?, '*', 0, 'test', "
                + "'2026-01-01 10:00:00')", optedOut);

        Rendered one = render(id, 1, 4096);
        Rendered sequentialSmallChunks = render(id, 1, 7);
        Rendered three = render(id, 3, 7);

        assertTrue(targets > 20, "enough targets for several chunks: " + targets);
        assertEquals(targets, one.handled());
        assertEquals(targets - 1, one.messages());
        assertTrue(one.skipped().contains("opted-out"), one.skipped());
        assertArrayEquals(one.bytes(), sequentialSmallChunks.bytes());
        assertArrayEquals(one.bytes(), three.bytes());
        assertEquals(one.messages(), three.messages());

        // the stream send mode reads renders the same messages, in the same order
        Outbox outbox = new Outbox(tmp.resolve("stream.jsonl"));
        Outbox.Lines lines = outbox.lines();
        messages.forEach(id, Long.MIN_VALUE, 0, lines::accept);
        outbox.write(lines.finish());
        outbox.close();
        assertArrayEquals(one.bytes(), Files.readAllBytes(tmp.resolve("stream.jsonl")));
    }

    @Test
    void shouldRenderFromPlannedRowsWhatALiveReadRendersAndUseDataChangedSincePlanning() {
        demoWithSnapshot(400);
        long id = CampaignCommandsTests.campaignId(run("campaigns plan winback-silent --channel sms --holdout 10"));
        long targets = jdbc.queryForObject("SELECT targets FROM campaigns WHERE id = ?", Long.class, id);
        assertEquals(targets, jdbc.queryForObject("SELECT count(*) FROM campaign_members WHERE campaign_id = ? AND planned_row IS NOT NULL",
                Long.class, id), "every target (and only targets) has its row packed when planned");
        Rendered planned = render(id, 2, 7);

        // a campaign planned before packed rows existed is read live: the same outbox
        jdbc.update("UPDATE campaign_members SET planned_row = NULL WHERE campaign_id = ?", id);
        assertArrayEquals(planned.bytes(), render(id, 2, 7).bytes());

        // plan again, then a customer gets a new number and a name: the message uses them, not the plan's copy
        assertEquals(0, run("campaigns cancel " + id + " --yes").exit());
        long again = CampaignCommandsTests.campaignId(run("campaigns plan winback-silent --channel sms --holdout 10 --again"));
        long changed = jdbc.queryForObject("SELECT customer_id FROM campaign_members WHERE campaign_id = ? AND status = 'target'"
                + " ORDER BY customer_id LIMIT 1 OFFSET 3", Long.class, again);
        jdbc.update("UPDATE customers SET mobile = '13912345678', name = '欧阳娜娜', gender = 'F' WHERE id = ?", changed);
        assertEquals(targets - 1, jdbc.queryForObject("SELECT count(*) FROM campaign_members WHERE campaign_id = ? AND planned_row IS NOT NULL",
                Long.class, again));
        String outbox = new String(render(again, 2, 7).bytes(), java.nio.charset.StandardCharsets.UTF_8);
        String buyer = jdbc.queryForObject("SELECT buyer_id FROM customers WHERE id = ?", String.class, changed);
        String line = outbox.lines().filter(l -> l.contains("\"customer\":\"" + buyer + "\"")).findFirst().orElseThrow();
        assertTrue(line.contains("\"to\":\"139****5678\"") && line.contains("欧阳女士"), line);
    }

    private long target(long campaignId, int offset) {
        return jdbc.queryForObject("SELECT customer_id FROM campaign_members WHERE campaign_id = ? AND status = 'target'"
                + " ORDER BY customer_id LIMIT 1 OFFSET ?", Long.class, campaignId, offset);
    }

    private String line(Rendered r, long customerId) {
        String buyer = jdbc.queryForObject("SELECT buyer_id FROM customers WHERE id = ?", String.class, customerId);
        return new String(r.bytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                .filter(l -> l.contains("\"customer\":\"" + buyer + "\"")).findFirst().orElseThrow();
    }

    @Test
    void shouldHandOverWhatCameBeforeAFailureThenThrowIt() throws Exception {
        demoWithSnapshot(300);
        long id = CampaignCommandsTests.campaignId(run("campaigns plan winback-silent --holdout 0"));
        Rendered whole = render(id, 1, 4096);
        // break one customer's message: the template reads the name through the salutation, so an erased
        // customer would be skipped, not broken; a template that fails on a late customer stands in
        long failingCustomer = jdbc.queryForObject("SELECT customer_id FROM campaign_members WHERE campaign_id = ? AND status = 'target'"
                + " ORDER BY customer_id LIMIT 1 OFFSET 20", Long.class, id);
        List<Long> seen = new ArrayList<>();
        RuntimeException boom = new TemplateProblem("x.ftl", null, "boom");
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> messages.renderInOrder(id, 3, 4, () -> new CampaignMessages.ChunkWork<Long>() {
            long n;

            @Override
            public void accept(PlannedMessage p) {
                if (p.customerId() == failingCustomer) {
                    throw boom;
                }
                n++;
            }

            @Override
            public Long finish() {
                long r = n;
                n = 0;
                return r;
            }
        }, seen::add));
        assertEquals(boom, thrown);
        assertEquals(20L, seen.stream().mapToLong(Long::longValue).sum(), "every message before the failure, none after: " + seen);
        assertTrue(whole.handled() > 21);
    }
}
