package dev.rekindle.delivery;

import static dev.rekindle.delivery.DeliveryTestBed.message;
import static dev.rekindle.delivery.DeliveryTestBed.messages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rekindle.api.ChannelTraits;
import dev.rekindle.api.ContactKind;
import dev.rekindle.api.Purpose;
import dev.rekindle.delivery.ScriptedProvider.Answer;
import dev.rekindle.console.UserException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The delivery engine on a real SQLite ledger, with a scripted stand-in for the provider. */
class DeliveryEngineTests {

    private static final LocalDateTime MORNING = LocalDateTime.of(2025, 3, 10, 10, 0);

    @TempDir
    Path dir;
    private DeliveryTestBed bed;
    private ScriptedProvider sms;

    @BeforeEach
    void setUp() {
        bed = new DeliveryTestBed(dir, MORNING).customers(40);
        sms = new ScriptedProvider("sms");
        bed.channel(sms);
    }

    @AfterEach
    void tearDown() {
        bed.close();
    }

    @Test
    void shouldSendEveryMessageOnceAndRecordEachRow() {
        SendReport r = bed.engine().send(1, messages(1, 20, "sms", Purpose.CARE), SendOptions.send());

        assertEquals(20, r.sent());
        assertTrue(r.complete());
        assertNull(r.stopped());
        assertEquals(20, sms.totalReceived());
        sms.received.values().forEach(n -> assertEquals(1, n.get()));
        DeliveryLedger.Row row = bed.row("rk-c1-u7-sms");
        assertEquals(DeliveryState.SENT, row.state());
        assertEquals("biz-rk-c1-u7-sms", row.providerId());
        assertEquals("138****0007", row.recipient(), "the ledger keeps the recipient masked");
        assertTrue(DeliveryStatus.of(1, bed.ledger(), bed.runs(), bed.jdbc).finished());
    }

    @Test
    void transientFailuresAreRetriedAndTheMessageStillArrivesOnce() {
        sms.answer("rk-c1-u3-sms", Answer.TRANSIENT, Answer.TRANSIENT).answer("rk-c1-u4-sms", Answer.TRANSIENT);

        SendReport r = bed.engine().send(1, messages(1, 10, "sms", Purpose.CARE), SendOptions.send());

        assertEquals(10, r.sent());
        assertEquals(3, r.retries());
        assertEquals(1, sms.receivedCount("rk-c1-u3-sms"));
        assertEquals(3, sms.calls.get("rk-c1-u3-sms").get());
        assertEquals(3, bed.row("rk-c1-u3-sms").attempts());
    }

    @Test
    void aMessageStillFailingAfterTheLastRetryStaysPendingAndAResumeSendsItOnce() {
        sms.answer("rk-c1-u5-sms", Answer.TRANSIENT, Answer.TRANSIENT, Answer.TRANSIENT, Answer.TRANSIENT);

        SendReport first = bed.engine().send(1, messages(1, 6, "sms", Purpose.CARE), SendOptions.send());

        assertEquals(5, first.sent());
        assertEquals(1, first.pending());
        assertFalse(DeliveryStatus.of(1, bed.ledger(), bed.runs(), bed.jdbc).finished(), "pending is not finished");
        assertEquals(DeliveryState.PENDING, bed.row("rk-c1-u5-sms").state());

        SendReport resume = bed.engine().send(1, messages(1, 6, "sms", Purpose.CARE), SendOptions.resume());

        assertEquals(1, resume.sent());
        assertEquals(5L, resume.already().get("sent"));
        sms.received.values().forEach(n -> assertEquals(1, n.get()));
        assertTrue(DeliveryStatus.of(1, bed.ledger(), bed.runs(), bed.jdbc).finished());
    }

    @Test
    void aPermanentFailureIsRecordedWithTheProvidersCodeAndNotRetried() {
        sms.answer("rk-c1-u2-sms", Answer.PERMANENT);

        SendReport r = bed.engine().send(1, messages(1, 3, "sms", Purpose.CARE), SendOptions.send());

        assertEquals(1, r.failed());
        DeliveryLedger.Row row = bed.row("rk-c1-u2-sms");
        assertEquals(DeliveryState.FAILED, row.state());
        assertEquals("isv.MOBILE_NUMBER_ILLEGAL", row.reason());
        assertEquals(1, sms.calls.get("rk-c1-u2-sms").get());
    }

    @Test
    void anUnknownOutcomeIsNeverSentAgainAutomatically() {
        sms.answer("rk-c1-u1-sms", Answer.UNKNOWN_RECEIVED).answer("rk-c1-u2-sms", Answer.UNKNOWN_NOT_RECEIVED);

        SendReport first = bed.engine().send(1, messages(1, 3, "sms", Purpose.CARE), SendOptions.send());
        SendReport resume = bed.engine().send(1, messages(1, 3, "sms", Purpose.CARE), SendOptions.resume());

        assertEquals(2, first.unknown());
        assertEquals(0, resume.sent());
        assertEquals(2L, resume.already().get("unknown"));
        assertEquals(1, sms.calls.get("rk-c1-u1-sms").get());
        assertEquals(1, sms.calls.get("rk-c1-u2-sms").get());
        assertFalse(DeliveryStatus.of(1, bed.ledger(), bed.runs(), bed.jdbc).finished(), "unknowns keep it open");
    }

    @Test
    void reconcileSettlesUnknownsByTheProvidersStatusAndResumeSendsOnlyTheNeverReceived() {
        sms.answer("rk-c1-u1-sms", Answer.UNKNOWN_RECEIVED).answer("rk-c1-u2-sms", Answer.UNKNOWN_NOT_RECEIVED);
        bed.engine().send(1, messages(1, 3, "sms", Purpose.CARE), SendOptions.send());

        UnknownOutcomes.Report rec = bed.unknowns().reconcile(1, messages(1, 3, "sms", Purpose.CARE));
        SendReport resume = bed.engine().send(1, messages(1, 3, "sms", Purpose.CARE), SendOptions.resume());

        assertEquals(1, rec.sent());
        assertEquals(1, rec.resend());
        assertEquals(DeliveryState.SENT, bed.row("rk-c1-u1-sms").state());
        assertEquals(1, resume.sent());
        assertEquals(1, sms.receivedCount("rk-c1-u1-sms"));
        assertEquals(1, sms.receivedCount("rk-c1-u2-sms"));
        assertTrue(DeliveryStatus.of(1, bed.ledger(), bed.runs(), bed.jdbc).finished());
    }

    @Test
    void withoutAStatusQueryOnlyTheOperatorSettlesAnUnknown() {
        ScriptedProvider email = new ScriptedProvider("email", new ChannelTraits(ContactKind.EMAIL, 0, 0, 1, 0, false, true));
        bed.channel(email);
        email.answer("rk-c1-u1-email", Answer.UNKNOWN_NOT_RECEIVED);
        bed.engine().send(1, messages(1, 1, "email", Purpose.CARE), SendOptions.send());

        UnknownOutcomes.Report rec = bed.unknowns().reconcile(1, messages(1, 1, "email", Purpose.CARE));
        assertEquals(1, rec.needDecision());
        assertEquals(DeliveryState.UNKNOWN, bed.row("rk-c1-u1-email").state());

        assertEquals(1, bed.unknowns().decide(1, UnknownOutcomes.Decision.RESEND, List.of()));
        bed.engine().send(1, messages(1, 1, "email", Purpose.CARE), SendOptions.resume());
        assertEquals(1, email.receivedCount("rk-c1-u1-email"));
    }

    @Test
    void aResumeAfterACrashSendsTheRestOnceAndReportsWhatWasInFlightAsUnknown() {
        // what a kill -9 leaves: a run that never finished, its process gone, one row handed to the channel
        bed.engine().send(1, messages(1, 4, "sms", Purpose.CARE), SendOptions.send());
        bed.jdbc.sql("INSERT INTO delivery_runs(campaign_id, kind, host, pid, started_at, heartbeat_at) VALUES (1, 'send', ?, 999999999, ?, ?)")
                .params(hostOfThisMachine(), "2025-03-10 10:00:00", "2025-03-10 10:00:00").update();
        long deadRun = bed.jdbc.sql("SELECT max(id) FROM delivery_runs").query(Long.class).single();
        bed.jdbc.sql("""
                INSERT INTO deliveries(idempotency_key, campaign_id, customer_id, channel, purpose, state, attempts, run_id,
                                       contacted_at, created_at, updated_at)
                VALUES ('rk-c1-u5-sms', 1, 5, 'sms', 'CARE', 'sending', 1, ?, '2025-03-10 10:00:00', '2025-03-10 10:00:00', '2025-03-10 10:00:00')""")
                .param(deadRun).update();

        SendReport resume = bed.engine().send(1, messages(1, 10, "sms", Purpose.CARE), SendOptions.resume());

        assertEquals(5, resume.sent(), "6..10 are new");
        assertEquals(4L, resume.already().get("sent"));
        assertEquals(1L, resume.already().get("unknown"));
        assertEquals(DeliveryState.UNKNOWN, bed.row("rk-c1-u5-sms").state());
        assertEquals("interrupted", bed.row("rk-c1-u5-sms").reason());
        assertEquals(0, sms.receivedCount("rk-c1-u5-sms"), "in doubt: not sent again");
        assertEquals("interrupted", bed.runs().find(deadRun).orElseThrow().outcome());
    }

    @Test
    void twoRunsOfOneCampaignCannotOverlap() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        sms.onCall(m -> {
            inside.countDown();
            await(release);
        });
        CompletableFuture<SendReport> first = CompletableFuture.supplyAsync(
                () -> bed.engine().send(1, messages(1, 2, "sms", Purpose.CARE), SendOptions.send().withConcurrency(1)));
        assertTrue(inside.await(10, TimeUnit.SECONDS));

        UserException busy = assertThrows(UserException.class,
                () -> bed.engine().send(1, messages(1, 2, "sms", Purpose.CARE), SendOptions.resume()));

        assertTrue(busy.getMessage().contains("is being sent by another Rekindle"), busy.getMessage());
        release.countDown();
        assertEquals(2, first.get(10, TimeUnit.SECONDS).sent());
    }

    @Test
    void capsHoldWhenTwoCampaignsSendToTheSameCustomersAtOnce() throws Exception {
        for (int i = 1; i <= 30; i++) bed.consent(i, "sms", true);
        sms.latency(2);

        CompletableFuture<SendReport> a = CompletableFuture.supplyAsync(
                () -> bed.engine().send(1, messages(1, 30, "sms", Purpose.MARKETING), SendOptions.send().withConcurrency(4)));
        CompletableFuture<SendReport> b = CompletableFuture.supplyAsync(
                () -> bed.engine().send(2, messages(2, 30, "sms", Purpose.MARKETING), SendOptions.send().withConcurrency(4)));
        SendReport ra = a.get(60, TimeUnit.SECONDS);
        SendReport rb = b.get(60, TimeUnit.SECONDS);

        assertEquals(30, ra.sent() + rb.sent(), "each customer exactly one marketing message across both");
        assertEquals(30, ra.skipped().getOrDefault("cap:1/7d", 0L) + rb.skipped().getOrDefault("cap:1/7d", 0L));
        for (int i = 1; i <= 30; i++) {
            assertEquals(1, sms.receivedCount("rk-c1-u" + i + "-sms") + sms.receivedCount("rk-c2-u" + i + "-sms"), "customer " + i);
        }
    }

    @Test
    void careHasItsOwnCapAndDoesNotUseUpMarketing() {
        bed.policy = bed.policy.withCaps("1/7d", "1/7d");
        bed.consent(1, "sms", true);

        bed.engine().send(1, Stream.of(message(1, 1, "sms", Purpose.CARE)), SendOptions.send());
        SendReport marketing = bed.engine().send(2, Stream.of(message(2, 1, "sms", Purpose.MARKETING)), SendOptions.send());
        SendReport care = bed.engine().send(3, Stream.of(message(3, 1, "sms", Purpose.CARE)), SendOptions.send());

        assertEquals(1, marketing.sent());
        assertEquals(1L, care.skipped().get("cap:1/7d"));
    }

    @Test
    void quietHoursDeferMessagesWhichGoOutWhenTheWindowEnds() {
        bed.clock.set(LocalDateTime.of(2025, 3, 10, 22, 15));

        SendReport night = bed.engine().send(1, messages(1, 5, "sms", Purpose.CARE), SendOptions.send());

        assertEquals(5, night.deferred());
        assertEquals("2025-03-11 08:00:00", night.nextDue());
        assertEquals(0, sms.totalReceived());
        assertEquals(DeliveryState.DEFERRED, bed.row("rk-c1-u1-sms").state());

        SendReport tooEarly = bed.engine().send(1, messages(1, 5, "sms", Purpose.CARE), SendOptions.resume());
        assertEquals(5, tooEarly.notDue());

        bed.clock.set(LocalDateTime.of(2025, 3, 11, 8, 5));
        SendReport morning = bed.engine().send(1, messages(1, 5, "sms", Purpose.CARE), SendOptions.resume());

        assertEquals(5, morning.sent());
        assertEquals(5, sms.totalReceived());
    }

    @Test
    void anOptOutImportedWhileTheSendRunsIsHonouredForTheRest() {
        sms.onCall(m -> {
            if (m.idempotencyKey().equals("rk-c1-u3-sms")) {
                // the operator imports refusals while the campaign is going out
                for (int i = 6; i <= 10; i++) bed.consent(i, "sms", false);
                bed.consent(11, "*", false);
            }
        });

        SendReport r = bed.engine().send(1, messages(1, 12, "sms", Purpose.CARE), SendOptions.send().withConcurrency(1));

        assertEquals(5L, r.skipped().get("refused"));
        assertEquals(1L, r.skipped().get("opted-out"));
        for (int i = 6; i <= 11; i++) assertEquals(0, sms.receivedCount("rk-c1-u" + i + "-sms"), "customer " + i);
        assertEquals(1, sms.receivedCount("rk-c1-u12-sms"));
        assertEquals("refused", bed.row("rk-c1-u8-sms").reason());
        assertEquals("opted-out", bed.row("rk-c1-u11-sms").reason());
    }

    @Test
    void marketingNeedsConsentAndEveryRefusalStopsCareToo() {
        bed.consent(1, "sms", true).consent(2, "sms", false).consent(3, "email", false);

        SendReport marketing = bed.engine().send(1, messages(1, 4, "sms", Purpose.MARKETING), SendOptions.send());
        SendReport care = bed.engine().send(2, messages(2, 4, "sms", Purpose.CARE), SendOptions.send());

        assertEquals(1, marketing.sent());
        assertEquals(1L, marketing.skipped().get("refused"));
        assertEquals(2L, marketing.skipped().get("no-consent"));
        assertEquals(3, care.sent(), "care needs no grant; a refusal by email does not stop sms");
        assertEquals(1L, care.skipped().get("refused"));
    }

    @Test
    void marketingIsGivenUpAfterNContactsWithoutAnOrder() {
        bed.policy = bed.policy.withCaps("none", "none").withGiveUpAfter(2);
        bed.consent(1, "sms", true).consent(2, "sms", true).order(2, "2025-03-10 09:00:00");
        for (long c = 1; c <= 2; c++) {
            bed.clock.set(MORNING.minusDays(10 - c));
            bed.engine().send(c, messages(c, 2, "sms", Purpose.MARKETING), SendOptions.send());
        }
        bed.clock.set(MORNING.plusHours(1));

        SendReport third = bed.engine().send(3, messages(3, 2, "sms", Purpose.MARKETING), SendOptions.send());

        assertEquals(1L, third.skipped().get("gave-up"));
        assertEquals(DeliveryState.SKIPPED, bed.row("rk-c3-u1-sms").state());
        assertEquals(DeliveryState.SENT, bed.row("rk-c3-u2-sms").state(), "customer 2 ordered since: contacts count again from there");
    }

    @Test
    void holdoutAndMissingContactsAreRecordedAsSkipsNotSilentlyDropped() {
        DeliveryRequest held = new DeliveryRequest(1, 1, "tb1", "sms", "13800000001", null, "hi", null, Purpose.CARE, null, true);
        DeliveryRequest none = new DeliveryRequest(1, 2, "tb2", "sms", null, null, "hi", null, Purpose.CARE, null, false);

        SendReport r = bed.engine().send(1, Stream.of(held, none), SendOptions.send());

        assertEquals(1L, r.skipped().get("holdout"));
        assertEquals(1L, r.skipped().get("no-contact"));
        assertEquals(0, sms.totalReceived());
        assertTrue(DeliveryStatus.of(1, bed.ledger(), bed.runs(), bed.jdbc).finished());
    }

    @Test
    void aChannelForServiceNoticesOnlyNeverCarriesMarketing() {
        ScriptedProvider notices = new ScriptedProvider("wechat", new ChannelTraits(ContactKind.WECHAT, 0, 0, 1, 0, false, false));
        bed.channel(notices).consent(1, "wechat", true);

        SendReport r = bed.engine().send(1, messages(1, 1, "wechat", Purpose.MARKETING), SendOptions.send());

        assertEquals(1L, r.skipped().get("channel-refuses-marketing"));
        assertEquals(0, notices.totalReceived());
    }

    @Test
    void aRunStopsWhenTheChannelKeepsFailingAndLosesNothing() {
        bed.policy = bed.policy.withHaltAfterFailures(5);
        sms.otherwise(Answer.TRANSIENT);

        SendReport broken = bed.engine().send(1, messages(1, 30, "sms", Purpose.CARE), SendOptions.send().withConcurrency(2));

        assertNotNull(broken.stopped());
        assertTrue(broken.stopped().contains("times in a row, last: Throttling.User"), broken.stopped());
        assertFalse(broken.complete());
        assertEquals(0, sms.totalReceived());

        sms.otherwise(Answer.OK);
        SendReport fixed = bed.engine().send(1, messages(1, 30, "sms", Purpose.CARE), SendOptions.resume());

        assertEquals(30, fixed.sent() + fixed.already().getOrDefault("sent", 0L));
        assertEquals(30, sms.totalReceived());
        sms.received.values().forEach(n -> assertEquals(1, n.get()));
        assertTrue(DeliveryStatus.of(1, bed.ledger(), bed.runs(), bed.jdbc).finished());
    }

    @Test
    void stoppingTheAppMidSendRecordsWhatIsInFlightAndLeavesTheRestForAResume() throws Exception {
        CountDownLatch started = new CountDownLatch(3);
        sms.latency(30).onCall(m -> started.countDown());
        DeliveryEngine engine = bed.engine();
        CompletableFuture<SendReport> run = CompletableFuture.supplyAsync(
                () -> engine.send(1, messages(1, 40, "sms", Purpose.CARE), SendOptions.send().withConcurrency(2)));
        assertTrue(started.await(10, TimeUnit.SECONDS));

        engine.stopAll(java.time.Duration.ofSeconds(10));
        SendReport stopped = run.get(10, TimeUnit.SECONDS);

        assertTrue(stopped.stopped().contains("shutting down"), stopped.stopped());
        assertEquals(0, bed.rows(1, DeliveryState.SENDING).size(), "in-flight answers were recorded");
        assertEquals(0, bed.rows(1, DeliveryState.UNKNOWN).size());
        assertTrue(stopped.sent() < 40);
        SendReport resume = bed.engine().send(1, messages(1, 40, "sms", Purpose.CARE), SendOptions.resume());
        assertEquals(40, stopped.sent() + resume.sent());
        sms.received.values().forEach(n -> assertEquals(1, n.get()));
    }

    @Test
    void aChannelThatCannotSendHoldsOnlyItsOwnMessagesPendingAndTheOthersGoOut() {
        List<DeliveryRequest> mixed = new java.util.ArrayList<>(messages(1, 3, "fax", Purpose.CARE).toList());
        mixed.addAll(messages(1, 6, "sms", Purpose.CARE).skip(3).toList());

        SendReport r = bed.engine().send(1, mixed.stream(), SendOptions.send());

        assertNull(r.stopped(), "an unready channel does not stop the run");
        assertEquals(Map.of("fax", 3L), r.notReady());
        assertEquals(3, r.sent());
        assertEquals(3, sms.totalReceived());
        DeliveryLedger.Row held = bed.row("rk-c1-u1-fax");
        assertEquals(DeliveryState.PENDING, held.state());
        assertEquals("channel-not-ready", held.reason());
        assertTrue(held.detail().contains("no channel 'fax'"), held.detail());

        // the next run holds them again (nothing is lost, nothing counted twice) until the channel exists
        SendReport again = bed.engine().send(1, mixed.stream(), SendOptions.resume());
        assertEquals(3L, again.notReady().get("fax"));
        assertEquals(0, again.sent());
        assertEquals(3L, bed.ledger().counts(1).get(DeliveryState.PENDING));
    }

    @Test
    void aCustomerGetsOneMessagePerOccasionWhateverCampaignCarriesIt() {
        // two campaigns of one strategy planned for the same birthday (e.g. another --channel): only the first one sends
        Stream<DeliveryRequest> first = messages(1, 5, "sms", Purpose.CARE).map(r -> withOccasion(r, "birthday-care|2026-12-10"));
        Stream<DeliveryRequest> second = messages(2, 5, "sms", Purpose.CARE).map(r -> withOccasion(r, "birthday-care|2026-12-10"));
        Stream<DeliveryRequest> nextYear = messages(3, 5, "sms", Purpose.CARE).map(r -> withOccasion(r, "birthday-care|2027-12-10"));

        assertEquals(5, bed.engine().send(1, first, SendOptions.send()).sent());
        SendReport again = bed.engine().send(2, second, SendOptions.send());
        SendReport later = bed.engine().send(3, nextYear, SendOptions.send().withConcurrency(1));

        assertEquals(0, again.sent());
        assertEquals(5L, again.skipped().get("already-contacted"));
        assertEquals(1, sms.receivedCount("rk-c1-u3-sms") + sms.receivedCount("rk-c2-u3-sms"));
        assertEquals(5, later.sent() + later.skipped().getOrDefault("cap:2/7d", 0L), "another occasion is another message (caps apart)");
    }

    @Test
    void ctrlCStopsASendCleanlyAndAResumeFinishesItExactlyOnce() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        sms.latency(20).onCall(m -> started.countDown());
        CompletableFuture<SendReport> running = CompletableFuture.supplyAsync(
                () -> bed.engine().send(1, messages(1, 40, "sms", Purpose.CARE), SendOptions.send().withConcurrency(2)));
        assertTrue(started.await(30, TimeUnit.SECONDS));

        assertTrue(dev.rekindle.console.Interrupts.fire(), "the running send took the Ctrl-C");
        SendReport stopped = running.get(60, TimeUnit.SECONDS);

        assertTrue(stopped.stoppedByOperator());
        assertEquals(0, bed.rows(1, DeliveryState.SENDING).size(), "messages in flight got their answer recorded");
        assertEquals(0, bed.rows(1, DeliveryState.UNKNOWN).size());
        SendReport resume = bed.engine().send(1, messages(1, 40, "sms", Purpose.CARE), SendOptions.resume());
        assertEquals(40, stopped.sent() + resume.sent(), "the run's lock was released: a resume takes over at once");
        sms.received.values().forEach(n -> assertEquals(1, n.get()));
    }

    @Test
    void twoSendersOnOneRateLimitedChannelNeverRunAtOnce() throws Exception {
        // two campaigns sent at the same time (two shells, or two processes on one database) share the channel's rate:
        // the channel's lock lets one sender in; the other holds its messages back for a resume
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        sms.onCall(m -> {
            started.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        CompletableFuture<SendReport> first = CompletableFuture.supplyAsync(
                () -> bed.engine().send(1, messages(1, 5, "sms", Purpose.CARE), SendOptions.send().withRate("100/s").withConcurrency(1)));
        assertTrue(started.await(30, TimeUnit.SECONDS));

        SendReport second = bed.engine().send(2, messages(2, 5, "sms", Purpose.CARE), SendOptions.send().withRate("100/s"));
        release.countDown();

        assertEquals(5L, second.notReady().get("sms"), "held back while the other run sends on sms");
        assertTrue(bed.row("rk-c2-u1-sms").detail().contains("busy"), bed.row("rk-c2-u1-sms").detail());
        assertEquals(5, first.get(60, TimeUnit.SECONDS).sent());
        SendReport resumed = bed.engine().send(2, messages(2, 5, "sms", Purpose.CARE), SendOptions.resume().withRate("100/s"));
        assertEquals(5, resumed.sent(), "the lock is released when the first run ends");
    }

    private static DeliveryRequest withOccasion(DeliveryRequest r, String occasion) {
        return new DeliveryRequest(r.campaignId(), r.customerId(), r.buyerId(), r.channel(), r.recipient(), r.subject(), r.text(),
                r.html(), r.purpose(), r.params(), r.holdout(), occasion, null);
    }

    @Test
    void messagesSettledEarlierTakeNoRateLimitTokensOnResume() {
        bed.engine().send(1, messages(1, 30, "sms", Purpose.CARE), SendOptions.send());
        // at 1/min, 30 tokens would take half an hour: the resume ends at all only if settled messages take none
        SendReport r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofMinutes(3),
                () -> bed.engine().send(1, messages(1, 30, "sms", Purpose.CARE), SendOptions.resume().withRate("1/min")));
        assertEquals(30L, r.already().get("sent"));
    }

    @Test
    void aBatchingChannelGetsMessagesInBatchesAndEachIsRecorded() {
        ScriptedProvider batch = new ScriptedProvider("sms", new ChannelTraits(ContactKind.MOBILE, 0, 0, 10, 0, true, true));
        bed.channel(batch);

        SendReport r = bed.engine().send(1, messages(1, 25, "sms", Purpose.CARE), SendOptions.send());

        assertEquals(25, r.sent());
        assertEquals(3, batch.batches.get());
        assertEquals(25, bed.rows(1, DeliveryState.SENT).size());
    }

    @Test
    void aGroupPostIsKeyedByItsGroupAndSkipsPersonalGuards() {
        ScriptedProvider robot = new ScriptedProvider("wecom-robot", new ChannelTraits(ContactKind.GROUP, 0, 2048, 1, 0, false, true));
        bed.channel(robot);
        DeliveryRequest a = new DeliveryRequest(1, 0, null, "wecom-robot", "老客福利群", null, "今晚8点开抢", null, Purpose.MARKETING, null, false);
        DeliveryRequest b = new DeliveryRequest(1, 0, null, "wecom-robot", "新品体验群", null, "今晚8点开抢", null, Purpose.MARKETING, null, false);

        SendReport r = bed.engine().send(1, Stream.of(a, b), SendOptions.send());

        assertEquals(2, r.sent());
        assertFalse(a.key().equals(b.key()));
        assertTrue(a.key().matches("rk-c1-g[0-9a-f]{12}-wecom-robot"), a.key());
    }

    private static void await(CountDownLatch l) {
        try {
            l.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String hostOfThisMachine() {
        String h = System.getenv("HOSTNAME");
        if (h != null && !h.isBlank()) return h;
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }
}
