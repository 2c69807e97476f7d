package dev.rekindle.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rekindle.support.CampaignTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** The daily batch run twice on the same day: the same plan, one set of sends. */
@TestPropertySource(properties = {"rekindle.delivery.quiet-hours=none", "rekindle.delivery.caps.care=100/1d"})
class DailyScriptTests extends CampaignTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Test
    void runningTheDailyStepsTwiceSendsNothingTwice() {
        demoWithSnapshot(1200);
        String[] daily = {"campaigns plan winback-silent --channel file", "campaigns send winback-silent --yes"};
        for (String line : daily) {
            Result r = run(line);
            assertEquals(0, r.exit(), line + ": " + r.all());
            if (line.equals(daily[0])) {
                // planned again before its send: the same campaign, still to be sent
                Result same = run(line);
                assertTrue(same.out().contains("was already planned today") && same.out().contains("Send it with: campaigns send"),
                        same.out());
            }
        }
        long campaigns = count("SELECT count(*) FROM campaigns");
        long sent = count("SELECT count(*) FROM deliveries WHERE state = 'sent'");
        assertTrue(sent > 0);

        Result replan = run(daily[0]);
        Result resend = run(daily[1]);

        assertEquals(0, replan.exit(), replan.all());
        assertTrue(replan.out().contains("was already planned today"), replan.out());
        // the first run sent it all: the reused plan says so, it does not ask for a send that has nothing to do
        assertTrue(replan.out().contains("It is finished") && !replan.out().contains("Send it with"), replan.out());
        assertEquals(0, resend.exit(), resend.all());
        assertEquals(campaigns, count("SELECT count(*) FROM campaigns"), "no second campaign");
        assertEquals(sent, count("SELECT count(*) FROM deliveries WHERE state = 'sent'"), "no second send");
        Result again = run(daily[0] + " --again");
        assertEquals(0, again.exit(), again.all());
        assertTrue(again.out().contains("already contacted for this occasion"), again.out());
        assertEquals(campaigns, count("SELECT count(*) FROM campaigns"), "--again plans nobody twice for one occasion");

        // the ledger feeds the filter language
        Result seg = run("segments define contacted --where \"days_since_last_contact <= 0\"");
        assertEquals(0, seg.exit(), seg.all());
        Result members = run("segments show contacted --limit 100000 --format csv");
        assertEquals(sent, members.out().lines().count() - 1, members.out().lines().limit(2).toList().toString());
        assertEquals(1, run("campaigns send no-such-strategy --yes").exit());
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
