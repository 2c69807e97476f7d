package dev.rekindle.plugins.email;

import dev.rekindle.api.DeliveryResult;
import dev.rekindle.api.OutboundMessage;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * One SMTP conversation per message. What went wrong decides the outcome: no connection or login →
 * nothing left (transient); the server's 4xx/5xx reply → transient/permanent; the connection lost
 * after the message was handed over → unknown (it may have been accepted).
 */
final class SmtpSender {

    private final EmailSettings s;
    private final Session session;

    SmtpSender(EmailSettings s) {
        this.s = s;
        Properties p = new Properties();
        p.put("mail.smtp.host", s.host);
        p.put("mail.smtp.port", String.valueOf(s.port));
        p.put("mail.smtp.connectiontimeout", String.valueOf(s.connectTimeoutMs));
        p.put("mail.smtp.timeout", String.valueOf(s.timeoutMs));
        p.put("mail.smtp.writetimeout", String.valueOf(s.timeoutMs));
        p.put("mail.smtp.from", s.from);
        p.put("mail.mime.charset", "UTF-8");
        if (s.username != null) p.put("mail.smtp.auth", "true");
        switch (s.tls) {
            case STARTTLS -> {
                p.put("mail.smtp.starttls.enable", "true");
                p.put("mail.smtp.starttls.required", "true");
            }
            case SSL -> p.put("mail.smtp.ssl.enable", "true");
            case NONE -> {
            }
        }
        if (s.tls != EmailSettings.Tls.NONE) {
            p.put("mail.smtp.ssl.checkserveridentity", String.valueOf(s.checkServerIdentity));
            if (s.trust != null) p.put("mail.smtp.ssl.trust", s.trust);
        }
        Authenticator auth = s.username == null ? null : new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(s.username, s.password);
            }
        };
        session = Session.getInstance(p, auth);
    }

    DeliveryResult send(OutboundMessage m) {
        MimeMessage msg;
        try {
            msg = build(m);
        } catch (MessagingException | UnsupportedEncodingException | IllegalArgumentException e) {
            return DeliveryResult.permanentFailure("bad-message", "cannot build the mail: " + e.getMessage());
        }
        Transport transport;
        try {
            transport = session.getTransport("smtp");
            transport.connect();
        } catch (AuthenticationFailedException e) {
            return DeliveryResult.transientFailure("auth", "the SMTP server refused the login of " + s.username
                    + " — fix username/password, then resume", null);
        } catch (MessagingException e) {
            return DeliveryResult.transientFailure("connect", "cannot reach " + s.host + ":" + s.port + " (" + rootMessage(e) + ")", null);
        }
        try {
            transport.sendMessage(msg, msg.getAllRecipients());
            return DeliveryResult.accepted(msg.getMessageID());
        } catch (SendFailedException e) {
            return refused(e);
        } catch (MessagingException e) {
            return DeliveryResult.unknown("connection lost while the mail was handed over (" + rootMessage(e) + "); it may have been accepted");
        } finally {
            try {
                transport.close();
            } catch (MessagingException ignored) {
                // the outcome is already known
            }
        }
    }

    /** The server answered with an SMTP code: 4xx try later, 5xx never. */
    private static DeliveryResult refused(SendFailedException e) {
        int code = 0;
        String text = e.getMessage();
        for (Exception x = e; x != null; x = x instanceof MessagingException me ? me.getNextException() : null) {
            if (x instanceof SMTPAddressFailedException a) {
                code = a.getReturnCode();
                text = a.getMessage();
                break;
            }
            if (x instanceof SMTPSendFailedException f) {
                code = f.getReturnCode();
                text = f.getMessage();
                break;
            }
            if (x instanceof SMTPSenderFailedException f) {
                code = f.getReturnCode();
                text = f.getMessage();
                break;
            }
        }
        String detail = "SMTP " + code + ": " + (text == null ? "" : text.strip());
        if (code >= 400 && code < 500) return DeliveryResult.transientFailure("smtp-" + code, detail, null);
        if (code >= 500) return DeliveryResult.permanentFailure("smtp-" + code, detail);
        return DeliveryResult.unknown("the SMTP server's answer could not be read: " + detail);
    }

    MimeMessage build(OutboundMessage m) throws MessagingException, UnsupportedEncodingException {
        String domain = s.from.substring(s.from.indexOf('@') + 1);
        MimeMessage msg = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                // the idempotency key makes the id stable across retries: receivers can drop a duplicate
                setHeader("Message-ID", "<" + m.idempotencyKey() + "@" + domain + ">");
            }
        };
        msg.setFrom(new InternetAddress(s.from, s.fromName, "UTF-8"));
        msg.setRecipients(Message.RecipientType.TO, new Address[] {new InternetAddress(m.recipient(), true)});
        if (s.replyTo != null) msg.setReplyTo(new Address[] {new InternetAddress(s.replyTo, true)});
        msg.setSubject(m.subject() == null || m.subject().isBlank() ? String.valueOf(s.fromName) : m.subject(), "UTF-8");
        msg.setSentDate(new Date());
        msg.setHeader("X-Rekindle-Key", m.idempotencyKey());
        List<String> unsubscribe = new ArrayList<>();
        if (s.unsubscribeUrl != null) unsubscribe.add("<" + s.unsubscribeUrl.replace("{key}", encode(m.idempotencyKey())) + ">");
        if (s.unsubscribeMailto != null) {
            unsubscribe.add("<mailto:" + s.unsubscribeMailto + "?subject=" + encode("unsubscribe " + m.idempotencyKey()) + ">");
        }
        if (!unsubscribe.isEmpty()) {
            msg.setHeader("List-Unsubscribe", String.join(", ", unsubscribe));
            // RFC 8058: one-click needs an https URL the receiver can POST to
            if (s.unsubscribeUrl != null && s.unsubscribeUrl.startsWith("https://")) {
                msg.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
        }
        String text = m.text() != null ? m.text() : m.html().replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip();
        if (m.html() == null) {
            msg.setText(text, "UTF-8");
        } else {
            MimeBodyPart plain = new MimeBodyPart();
            plain.setText(text, "UTF-8");
            MimeBodyPart html = new MimeBodyPart();
            html.setContent(m.html(), "text/html; charset=UTF-8");
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(plain);
            alternative.addBodyPart(html);
            msg.setContent(alternative);
        }
        msg.saveChanges();
        return msg;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
