package dev.rekindle.dist.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rekindle.fakes.AliyunSmsFake;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit behind the replay's five zeros must see each kind of breach, or the zeros prove nothing: a small
 * ledger that keeps every rule gives five zeros, and each breach added to it moves exactly its own figure.
 */
class ReplayAuditTests {

    @TempDir
    Path dir;
    private ShopDb db;
    private final List<AliyunSmsFake.Sms> received = new ArrayList<>();
    private int deliveries;

    @BeforeEach
    void aLedgerThatKeepsEveryRule() throws Exception {
        db = new ShopDb(dir.resolve("shop.db"));
        sql("""
                CREATE TABLE campaigns (id INTEGER PRIMARY KEY, strategy TEXT, purpose TEXT, as_of TEXT, status TEXT, holdout_pct REAL);
                CREATE TABLE campaign_members (campaign_id INTEGER, customer_id INTEGER, status TEXT, PRIMARY KEY (campaign_id, customer_id));
                CREATE TABLE deliveries (id INTEGER PRIMARY KEY, idempotency_key TEXT UNIQUE, campaign_id INTEGER, customer_id INTEGER,
                  channel TEXT, purpose TEXT, state TEXT, contacted_at TEXT, occasion TEXT);
                CREATE TABLE consents (customer_id INTEGER, channel TEXT, granted INTEGER, recorded_at TEXT, PRIMARY KEY (customer_id, channel));
                INSERT INTO campaigns VALUES (1, 'birthday-care', 'CARE', '2027-01-05', 'finished', 0),
                  (2, 'dormancy-reminder', 'MARKETING', '2027-01-05', 'finished', 10),
                  (3, 'replenishment-reminder', 'MARKETING', '2027-01-13', 'finished', 10),
                  (4, 'birthday-care', 'CARE', '2027-01-06', 'cancelled', 0);
                INSERT INTO consents VALUES (12, 'sms', 0, '2027-01-06 20:00:00'), (11, 'sms', 1, '2026-01-01 10:00:00');
                """);
        // one birthday greeting; a marketing message 8 days after another (1 per 7 days holds); a message sent
        // before its customer opted out; a skipped target; a target of a cancelled campaign, cancelled
        target(1, 10, "sent", "CARE", "2027-01-05 09:31:00", "birthday-care|2027");
        target(2, 11, "sent", "MARKETING", "2027-01-05 09:32:00", "dormancy-reminder|2026-10-17");
        target(3, 11, "sent", "MARKETING", "2027-01-13 09:32:00", "replenishment-reminder|beauty|2026-12-14");
        target(2, 12, "sent", "MARKETING", "2027-01-05 09:33:00", "dormancy-reminder|2026-10-17");
        target(2, 13, "skipped", "MARKETING", null, "dormancy-reminder|2026-10-17");
        target(4, 14, "cancelled", "CARE", null, "birthday-care|2027");
    }

    @Test
    void aLedgerThatKeepsEveryRuleGivesFiveZeros() throws Exception {
        ReplayAudit.Report r = audit();
        assertEquals(new Figures(0, 0, 0, 0, 0), r.figures(), r.details().toString());
        assertEquals(List.of(), r.problems());
    }

    @Test
    void aCampaignStillSendingIsUnfinished() throws Exception {
        sql("INSERT INTO campaigns VALUES (5, 'birthday-care', 'CARE', '2027-01-07', 'sending', 0)");
        assertEquals(new Figures(1, 0, 0, 0, 0), audit().figures());
    }

    @Test
    void aSecondGreetingForTheSameBirthdayFromAnotherCampaignIsADouble() throws Exception {
        sql("INSERT INTO campaigns VALUES (5, 'birthday-care', 'CARE', '2027-01-06', 'finished', 0)");
        target(5, 10, "sent", "CARE", "2027-01-06 09:31:00", "birthday-care|2027");
        assertEquals(new Figures(0, 1, 0, 0, 0), audit().figures());
    }

    @Test
    void aSecondDormancyReminderIsADoubleEvenWhenTheAppKeyedItAsAnotherOccasion() throws Exception {
        sql("INSERT INTO campaigns VALUES (5, 'dormancy-reminder', 'MARKETING', '2027-01-20', 'finished', 10)");
        target(5, 12, "skipped", "MARKETING", null, "dormancy-reminder|2026-10-17");
        target(5, 10, "sent", "MARKETING", "2027-01-20 09:31:00", "dormancy-reminder|2027-01-20");
        target(2, 10, "sent", "MARKETING", "2027-01-05 09:40:00", "dormancy-reminder|2027-01-05");
        assertEquals(new Figures(0, 1, 0, 0, 0), audit().figures());
    }

    @Test
    void aMessageThePhoneGotTwiceIsADoubleThoughTheLedgerHasOneRow() throws Exception {
        received.add(received.get(0)); // the provider took the same OutId again: a resend the ledger does not know
        ReplayAudit.Report r = audit();
        assertEquals(new Figures(0, 1, 0, 0, 0), r.figures());
        assertTrue(r.details().stream().anyMatch(d -> d.contains("OutId(s) received more than once")), r.details().toString());
    }

    @Test
    void twoMarketingMessagesWithinSevenDaysBreakACap() throws Exception {
        sql("INSERT INTO campaigns VALUES (5, 'replenishment-reminder', 'MARKETING', '2027-01-12', 'finished', 10)");
        target(5, 11, "sent", "MARKETING", "2027-01-12 09:32:00", "replenishment-reminder|shoes|2026-12-13");
        // 2027-01-12 is within 7 days of 2027-01-05 09:32 and of 2027-01-13: two rows are over the cap
        assertEquals(new Figures(0, 0, 2, 0, 0), audit().figures());
    }

    @Test
    void theSevenDayWindowIncludesItsFirstSecondAsTheGuardDoes() throws Exception {
        sql("INSERT INTO campaigns VALUES (5, 'new-product-trial', 'MARKETING', '2027-01-20', 'finished', 10)");
        target(5, 11, "sent", "MARKETING", "2027-01-20 09:32:00", "new-product-trial|x");
        assertEquals(new Figures(0, 0, 1, 0, 0), audit().figures(), "exactly 7 days after 2027-01-13 09:32:00");
    }

    @Test
    void aMessageAfterTheCustomersRefusalIsCounted() throws Exception {
        sql("INSERT INTO campaigns VALUES (5, 'birthday-care', 'CARE', '2027-01-07', 'finished', 0)");
        target(5, 12, "sent", "CARE", "2027-01-07 09:31:00", "birthday-care|2027");
        assertEquals(new Figures(0, 0, 0, 1, 0), audit().figures());
    }

    @Test
    void aRefusalOfEveryChannelCountsForSms() throws Exception {
        sql("INSERT INTO consents VALUES (10, '*', 0, '2027-01-05 09:30:00')");
        assertEquals(new Figures(0, 0, 0, 1, 0), audit().figures());
    }

    @Test
    void targetsWithNoRowARowNotFinalOrTwoRowsAreUnaccounted() throws Exception {
        sql("INSERT INTO campaign_members VALUES (2, 20, 'target')");
        target(2, 21, "pending", "MARKETING", null, "dormancy-reminder|2026-10-17");
        target(2, 22, "skipped", "MARKETING", null, "dormancy-reminder|2026-10-17");
        sql("INSERT INTO deliveries (idempotency_key, campaign_id, customer_id, channel, purpose, state) VALUES ('rk-c2-u22-email', 2, 22, 'email', 'MARKETING', 'skipped')");
        sql("INSERT INTO campaign_members VALUES (2, 23, 'holdout')"); // a holdout needs no row
        ReplayAudit.Report r = audit();
        assertEquals(new Figures(0, 0, 0, 0, 3), r.figures());
        assertTrue(r.details().toString().contains("{more than one row=1, no row=1, row in state pending=1}"), r.details().toString());
    }

    @Test
    void aFigureThatCannotBeComputedIsNeverZero() throws Exception {
        sql("ALTER TABLE deliveries DROP COLUMN occasion");
        ReplayAudit.Report r = audit();
        assertEquals(-1, r.figures().doubleContacted());
        assertTrue(r.figures().line(21).contains("double-contacted for an occasion ?"), r.figures().line(21));
        assertTrue(r.problems().stream().anyMatch(p -> p.contains("no column 'occasion'")), r.problems().toString());
    }

    @Test
    void whatTheProviderTookAndTheLedgerDisagreeOnIsAProblem() throws Exception {
        received.add(new AliyunSmsFake.Sms("1^0", "13800000099", "暖心小铺", "SMS_100", "{}", "rk-c9-u99-sms", LocalDateTime.now()));
        sql("UPDATE deliveries SET state = 'failed' WHERE idempotency_key = 'rk-c1-u10-sms'");
        sql("INSERT INTO deliveries (idempotency_key, campaign_id, customer_id, channel, purpose, state, contacted_at, occasion)"
                + " VALUES ('rk-c3-u30-sms', 3, 30, 'sms', 'MARKETING', 'sent', '2027-01-13 09:00:00', 'x')");
        List<String> p = audit().problems();
        assertTrue(p.contains("1 message(s) reached the provider with an OutId the ledger does not know"), p.toString());
        assertTrue(p.contains("1 message(s) the provider took are not 'sent' in the ledger"), p.toString());
        assertTrue(p.contains("1 sms row(s) are 'sent' in the ledger but the provider never took them"), p.toString());
    }

    private ReplayAudit.Report audit() throws Exception {
        return new ReplayAudit(db, received, 21).run();
    }

    /** A target of a campaign with its one ledger row; a sent one was also taken by the provider. */
    private void target(int campaign, int customer, String state, String purpose, String contactedAt, String occasion) throws Exception {
        String key = "rk-c" + campaign + "-u" + customer + "-sms";
        sql("INSERT OR IGNORE INTO campaign_members VALUES (" + campaign + ", " + customer + ", 'target')");
        sql("INSERT INTO deliveries (idempotency_key, campaign_id, customer_id, channel, purpose, state, contacted_at, occasion) VALUES ('"
                + key + "', " + campaign + ", " + customer + ", 'sms', '" + purpose + "', '" + state + "', "
                + (contactedAt == null ? "NULL" : "'" + contactedAt + "'") + ", '" + occasion + "')");
        deliveries++;
        if (state.equals("sent")) {
            received.add(new AliyunSmsFake.Sms(deliveries + "^0", "138000000" + customer, "暖心小铺", "SMS_100", "{}", key, LocalDateTime.now()));
        }
    }

    private void sql(String script) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.file()); Statement s = c.createStatement()) {
            for (String one : script.split(";\\s*\n")) if (!one.isBlank()) s.execute(one);
        }
    }
}
