package dev.rekindle.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rekindle.support.ShellTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** The synthetic send path end to end in the shell, on the demo data and the built-in file channel. */
@TestPropertySource(properties = "rekindle.delivery.quiet-hours=none")
class DeliveryDevCommandsTests extends ShellTestSupport {

    @Test
    void aSyntheticSendRecordsEveryCustomerAndAResumeSendsNothingTwice() {
        run("demo reset --customers 120 --yes");

        Result send = run("deliveries synthetic 9001 --channel file --count 120 --purpose marketing --yes");
        Result status = run("deliveries status 9001");
        Result resume = run("deliveries synthetic 9001 --channel file --count 120 --purpose marketing --resume");

        assertEquals(0, send.exit(), send.all());
        assertTrue(send.out().contains("120 message(s) read (all)"), send.out());
        assertTrue(send.out().contains("skipped"), "demo data has refusals and missing consents: " + send.out());
        assertTrue(send.out().contains("no-consent"), send.out());
        assertTrue(status.out().contains("finished"), status.out());
        assertEquals(0, resume.exit(), resume.all());
        assertFalse(resume.out().matches("(?s).*(?m)^  sent\\s.*"), "nothing new to send: " + resume.out());
        assertTrue(resume.out().contains("done before"), resume.out());
    }

    @Test
    void aSecondCampaignRightAfterIsStoppedByTheMarketingCap() {
        run("demo reset --customers 60 --yes");
        run("deliveries synthetic 9101 --channel file --count 60 --purpose marketing --yes");

        Result second = run("deliveries synthetic 9102 --channel file --count 60 --purpose marketing --yes");

        assertTrue(second.out().contains("cap:1/7d"), second.out());
        assertFalse(second.out().matches("(?s).*(?m)^  sent\\s.*"), second.out());
    }

    @Test
    void aScriptMustConfirmWithYes() {
        Result r = run("deliveries synthetic 9201 --channel file --count 5", prompt -> null);

        assertEquals(2, r.exit());
        assertTrue(r.err().contains("add --yes"), r.err());
    }

    @Test
    void reconcileWithNothingUnknownSaysSo() {
        Result r = run("deliveries reconcile 9301 --channel file --count 5");

        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("no unknown deliveries"), r.out());
    }
}
