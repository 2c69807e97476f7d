package dev.rekindle.template;

import dev.rekindle.i18n.Tr;
import dev.rekindle.api.ContactKind;
import dev.rekindle.api.Purpose;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * What a rendered message must satisfy before it may go out, per channel (facts from the providers'
 * documentation, see DOMAIN.md): SMS length and parts, 【signature】 and opt-out wording for marketing
 * SMS, WeCom robot text ≤ 2048 bytes and markdown ≤ 4096, an email subject.
 */
@Component
public class ChannelRules {

    public static final int WECOM_TEXT_BYTES = 2048;
    public static final int WECOM_MARKDOWN_BYTES = 4096;
    /** Group posts are read by people scrolling a chat (the Taobao group channel's own limit). */
    public static final int GROUP_CHARS = 500;

    /** Common ways Chinese SMS say "reply T to unsubscribe", accepted besides the configured wording. */
    private static final Pattern OPT_OUT = Pattern.compile("(回复?|发送?)\\s*(T|TD|N|R|0000)\\s*(退订|拒收)|退订\\s*回\\s*(T|TD|N)"
            + "|reply\\s+(T|TD|STOP)\\s+to\\s+(unsubscribe|opt out)",
            Pattern.CASE_INSENSITIVE);

    private final TemplateSettings settings;
    private final String signature;

    @org.springframework.beans.factory.annotation.Autowired
    public ChannelRules(TemplateSettings settings, dev.rekindle.shop.ShopProfile shop) {
        this(settings, shop.signature());
    }

    ChannelRules(TemplateSettings settings, String signature) {
        this.settings = settings;
        this.signature = signature;
    }

    public List<Finding> check(PreparedTemplate template, Purpose purpose, Rendered message) {
        List<Finding> found = new ArrayList<>();
        String text = message.text() == null ? "" : message.text();
        if (template.kind() != ContactKind.EMAIL && text.isBlank()) {
            found.add(Finding.error(Tr.t("the message is empty")));
            return found;
        }
        ContactKind kind = template.kind();
        if (ContactKind.MOBILE.equals(kind)) {
            sms(text, purpose, found);
        } else if (ContactKind.WECHAT.equals(kind)) {
            wechat(text, template.format(), found);
        } else if (ContactKind.EMAIL.equals(kind)) {
            email(message, found);
        } else if (ContactKind.GROUP.equals(kind)) {
            if (SmsLength.chars(text) > GROUP_CHARS) {
                found.add(Finding.error(Tr.f("%d characters: a group post may have at most %d", SmsLength.chars(text), GROUP_CHARS)));
            }
        } // another kind (a plugin's): the channel's own limits (traits) apply when it sends
        return found;
    }

    private void sms(String text, Purpose purpose, List<Finding> found) {
        int parts = SmsLength.parts(text);
        if (parts > settings.smsMaxParts()) {
            found.add(Finding.warning(Tr.f("%d characters = %d SMS parts (more than %d; each part is billed)",
                    SmsLength.chars(text), parts, settings.smsMaxParts())));
        }
        boolean signed = text.contains("【" + signature + "】");
        if (!signed) {
            String msg = Tr.f("no 【%s】 signature", signature);
            found.add(purpose == Purpose.MARKETING ? Finding.error(Tr.f("marketing SMS: %s", msg)) : Finding.warning(msg));
        }
        if (purpose == Purpose.MARKETING && !hasOptOut(text)) {
            found.add(Finding.error(Tr.f("marketing SMS: no opt-out wording (%s, or use ${optout})", settings.optOut())));
        }
    }

    boolean hasOptOut(String text) {
        return text.contains(settings.optOut()) || OPT_OUT.matcher(text).find();
    }

    private static void wechat(String text, String format, List<Finding> found) {
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        boolean markdown = "markdown".equalsIgnoreCase(format);
        int max = markdown ? WECOM_MARKDOWN_BYTES : WECOM_TEXT_BYTES;
        if (bytes > max) {
            found.add(Finding.error(Tr.f("%d bytes: a WeCom %s message may have at most %d", bytes, markdown ? "markdown" : "text", max)));
        }
    }

    private static void email(Rendered m, List<Finding> found) {
        if (m.subject() == null || m.subject().isBlank()) {
            found.add(Finding.error(Tr.t("email without a subject")));
        } else if (m.subject().length() > 120) {
            found.add(Finding.warning(Tr.f("subject of %d characters: mail apps cut it", m.subject().length())));
        }
        if ((m.text() == null || m.text().isBlank()) && (m.html() == null || m.html().isBlank())) {
            found.add(Finding.error(Tr.t("email without a body (text and html are both empty)")));
        }
    }
}
