package dev.rekindle.plugins.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.rekindle.api.DeliveryResult;
import dev.rekindle.api.DeliveryResult.Outcome;
import dev.rekindle.api.OutboundMessage;
import dev.rekindle.api.Purpose;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The email channel against a real SMTP server (GreenMail) and a scripted one for the failures. */
class EmailChannelTests {

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(new ServerSetup[] {
            patient(ServerSetupTest.SMTP.dynamicPort()), patient(ServerSetupTest.SMTPS.dynamicPort())})
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("shop@example.com", "shop", "right-password"));

    /**
     * GreenMail waits 2 s for its servers to start and then fails the test ("try to set server startup timeout >
     * 2000"); on a loaded CI machine starting an SMTPS server (key generation, TLS set-up) took longer than that.
     */
    private static ServerSetup patient(ServerSetup setup) {
        setup.setServerStartupTimeout(30_000);
        return setup;
    }

    private static Map<String, String> plain(int port) {
        Map<String, String> s = new HashMap<>(Map.of("host", "127.0.0.1", "port", String.valueOf(port), "tls", "none",
                "from", "shop@example.com", "from-name", "暖心小铺", "timeout-ms", "3000", "connect-timeout-ms", "2000"));
        return s;
    }

    private static EmailChannel channel(Map<String, String> settings) {
        EmailChannel c = new EmailChannel(Map.of());
        c.configure(settings);
        return c;
    }

    @Test
    void shouldSendHtmlAndTextWithTheSenderNameAndOneClickUnsubscribe() throws Exception {
        Map<String, String> s = plain(mail.getSmtp().getPort());
        s.put("unsubscribe-url", "https://shop.example.com/unsubscribe?k={key}");
        s.put("unsubscribe-mailto", "unsubscribe@shop.example.com");
        EmailChannel c = channel(s);

        DeliveryResult r = c.deliver(message("rk-c1-u7-email", Purpose.MARKETING));

        assertEquals(Outcome.ACCEPTED, r.outcome(), r.detail());
        assertEquals("<rk-c1-u7-email@example.com>", r.providerId());
        MimeMessage got = mail.getReceivedMessages()[0];
        InternetAddress from = (InternetAddress) got.getFrom()[0];
        assertEquals("暖心小铺", from.getPersonal());
        assertEquals("shop@example.com", from.getAddress());
        assertEquals("老朋友，好久不见", got.getSubject());
        assertEquals("<https://shop.example.com/unsubscribe?k=rk-c1-u7-email>, "
                + "<mailto:unsubscribe@shop.example.com?subject=unsubscribe%20rk-c1-u7-email>", got.getHeader("List-Unsubscribe", null));
        assertEquals("List-Unsubscribe=One-Click", got.getHeader("List-Unsubscribe-Post", null));
        MimeMultipart parts = (MimeMultipart) got.getContent();
        assertEquals(2, parts.getCount());
        assertTrue(parts.getBodyPart(0).isMimeType("text/plain"));
        assertTrue(parts.getBodyPart(1).isMimeType("text/html"));
        assertTrue(String.valueOf(parts.getBodyPart(1).getContent()).contains("<b>新品</b>"), "html kept");
        assertTrue(String.valueOf(parts.getBodyPart(0).getContent()).contains("新品到了"));
    }

    @Test
    void marketingWithoutAWayToUnsubscribeIsHeldBackAsASetupProblem() {
        EmailChannel c = channel(plain(mail.getSmtp().getPort()));

        DeliveryResult marketing = c.deliver(message("k1", Purpose.MARKETING));
        DeliveryResult care = c.deliver(message("k2", Purpose.CARE));

        assertEquals(Outcome.TRANSIENT, marketing.outcome());
        assertEquals("no-unsubscribe", marketing.code());
        assertEquals(Outcome.ACCEPTED, care.outcome(), care.detail());
        assertEquals(1, mail.getReceivedMessages().length);
    }

    @Test
    void shouldLogInAndSendOverImplicitTls() throws Exception {
        Map<String, String> s = plain(mail.getSmtps().getPort());
        s.put("tls", "ssl");
        s.put("host", "localhost");
        s.put("trust", "*");
        s.put("check-server-identity", "false"); // GreenMail's test certificate names no host
        s.put("username", "shop");
        s.put("password", "right-password");
        EmailChannel c = channel(s);

        DeliveryResult r = c.deliver(message("k-tls", Purpose.CARE));

        assertEquals(Outcome.ACCEPTED, r.outcome(), r.detail());
        assertEquals(1, mail.getReceivedMessages().length);
    }

    @Test
    void aRefusedLoginIsASetupProblemAndTheSecretIsNotShown() {
        Map<String, String> s = plain(mail.getSmtp().getPort());
        s.put("username", "shop");
        s.put("password", "wrong-password");
        EmailChannel c = channel(s);

        DeliveryResult r = c.deliver(message("k-auth", Purpose.CARE));

        assertEquals(Outcome.TRANSIENT, r.outcome(), r.detail());
        assertEquals("auth", r.code());
        assertFalse(r.detail().contains("wrong-password"));
    }

    @Test
    void anUnreachableServerIsTransient() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }

        DeliveryResult r = channel(plain(closed)).deliver(message("k", Purpose.CARE));

        assertEquals(Outcome.TRANSIENT, r.outcome());
        assertEquals("connect", r.code());
    }

    @Test
    void aRejectedRecipientIsPermanentWithTheSmtpCode() throws Exception {
        try (ScriptedSmtpServer smtp = new ScriptedSmtpServer(ScriptedSmtpServer.Mode.REJECT_RECIPIENT)) {
            DeliveryResult r = channel(plain(smtp.port())).deliver(message("k", Purpose.CARE));

            assertEquals(Outcome.PERMANENT, r.outcome(), r.detail());
            assertEquals("smtp-550", r.code());
        }
    }

    @Test
    void aDeferredMessageIsTransient() throws Exception {
        try (ScriptedSmtpServer smtp = new ScriptedSmtpServer(ScriptedSmtpServer.Mode.DEFER_DATA)) {
            DeliveryResult r = channel(plain(smtp.port())).deliver(message("k", Purpose.CARE));

            assertEquals(Outcome.TRANSIENT, r.outcome(), r.detail());
            assertEquals("smtp-451", r.code());
        }
    }

    @Test
    void aConnectionLostAfterTheMessageWasHandedOverIsUnknown() throws Exception {
        try (ScriptedSmtpServer smtp = new ScriptedSmtpServer(ScriptedSmtpServer.Mode.DROP_AFTER_DATA)) {
            DeliveryResult r = channel(plain(smtp.port())).deliver(message("k", Purpose.CARE));

            assertEquals(Outcome.UNKNOWN, r.outcome(), r.detail());
            assertEquals(1, smtp.fullyReceived.get());
        }
    }

    @Test
    void shouldNameMissingSettingsWithoutValues() {
        EmailChannel c = new EmailChannel(Map.of());
        c.configure(Map.of("username", "shop", "tls", "maybe"));

        assertTrue(c.missingSettings().contains("host"), c.missingSettings().toString());
        assertTrue(c.missingSettings().contains("from"));
        assertTrue(c.missingSettings().stream().anyMatch(m -> m.startsWith("password")));
        assertTrue(c.missingSettings().stream().anyMatch(m -> m.startsWith("tls")));
    }

    private static OutboundMessage message(String key, Purpose purpose) {
        return new OutboundMessage(key, 1, "tb1", "buyer@example.com", "老朋友，好久不见", "王小明您好，新品到了。",
                "<p>王小明您好，<b>新品</b>到了。</p>", purpose, Map.of());
    }
}
