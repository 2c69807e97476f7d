package dev.rekindle.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rekindle.api.ContactKind;
import dev.rekindle.api.Purpose;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** SMS length and parts, signature and opt-out, WeCom bytes, email subject. */
class ChannelRulesTests {

    ChannelRules rules = new ChannelRules(new TemplateSettings(Path.of("."), Locale.CHINA, 2, "回T退订", "https://x", "https://x/u"),
            "暖心小铺");

    static PreparedTemplate template(ContactKind kind, String format) {
        return new PreparedTemplate("t/x.ftl", "x", kind, null, null, null, format);
    }

    List<Finding> sms(Purpose purpose, String text) {
        return rules.check(template(ContactKind.MOBILE, "text"), purpose, new Rendered("t", null, text, null));
    }

    @Test
    void chineseSmsFitSeventyCharactersThenSixtySevenPerPart() {
        assertEquals(1, SmsLength.parts("字".repeat(70)));
        assertEquals(2, SmsLength.parts("字".repeat(71)));
        assertEquals(2, SmsLength.parts("字".repeat(134)));
        assertEquals(3, SmsLength.parts("字".repeat(135)));
        assertEquals(1, SmsLength.parts("a".repeat(160)), "plain ASCII is GSM 7-bit");
        assertEquals(2, SmsLength.parts("a".repeat(161)));
        assertEquals(0, SmsLength.parts(""));
    }

    @Test
    void aMarketingSmsNeedsTheSignatureAndTheOptOutWording() {
        assertTrue(sms(Purpose.MARKETING, "【暖心小铺】王女士，送您8折券。回T退订").isEmpty());

        List<Finding> unsigned = sms(Purpose.MARKETING, "王女士，送您8折券。回T退订");
        assertEquals(1, unsigned.size());
        assertTrue(unsigned.get(0).isError() && unsigned.get(0).message().contains("【暖心小铺】"), unsigned.toString());

        List<Finding> noOptOut = sms(Purpose.MARKETING, "【暖心小铺】王女士，送您8折券。");
        assertTrue(noOptOut.get(0).isError() && noOptOut.get(0).message().contains("opt-out"), noOptOut.toString());
        assertTrue(sms(Purpose.MARKETING, "【暖心小铺】王女士，送您8折券。退订回T").isEmpty(), "a common variant counts too");
    }

    @Test
    void aCareSmsNeedsNoOptOutAndAMissingSignatureIsOnlyAWarning() {
        assertTrue(sms(Purpose.CARE, "【暖心小铺】王女士，生日快乐！").isEmpty());
        List<Finding> unsigned = sms(Purpose.CARE, "王女士，生日快乐！");
        assertEquals(Finding.Level.WARNING, unsigned.get(0).level());
    }

    @Test
    void smsLongerThanTheMaximumPartsGetAWarning() {
        List<Finding> f = sms(Purpose.CARE, "【暖心小铺】" + "字".repeat(140));

        assertEquals(1, f.size());
        assertEquals("146 characters = 3 SMS parts (more than 2; each part is billed)", f.get(0).message());
        assertEquals(Finding.Level.WARNING, f.get(0).level());
    }

    @Test
    void weComTextIsLimitedTo2048BytesAndMarkdownTo4096() {
        String text = "字".repeat(700); // 2100 bytes in UTF-8
        assertTrue(rules.check(template(ContactKind.WECHAT, "text"), Purpose.CARE, new Rendered("t", null, text, null)).get(0).isError());
        assertTrue(rules.check(template(ContactKind.WECHAT, "markdown"), Purpose.CARE, new Rendered("t", null, text, null)).isEmpty());
    }

    @Test
    void anEmailNeedsASubject() {
        List<Finding> f = rules.check(template(ContactKind.EMAIL, "email"), Purpose.CARE, new Rendered("t", " ", "正文", "<p>正文</p>"));

        assertTrue(f.get(0).isError() && f.get(0).message().contains("subject"), f.toString());
    }
}
