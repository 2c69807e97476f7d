package dev.rekindle.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rekindle.api.ContactKind;
import dev.rekindle.api.CustomerView;
import dev.rekindle.api.Offer;
import dev.rekindle.api.Purpose;
import dev.rekindle.api.RfmSegment;
import dev.rekindle.api.Stage;
import dev.rekindle.shop.ShopProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sandboxed FreeMarker set-up: what templates can and cannot do, and how errors read. */
class TemplateEngineTests {

    @TempDir
    Path dir;

    TemplateEngine engine;
    MessageModel.Factory models;
    CustomerView customer = CustomerView.builder(7, "tb7").name("王小明").gender("F").contacts(ContactKind.MOBILE)
            .stage(Stage.SILENT).segment(RfmSegment.IMPORTANT_KEEP).recencyDays(120).frequency(3).monetary(456.5)
            .scores(2, 4, 4).mainCategory("美妆护肤").build();

    @BeforeEach
    void setUp() throws Exception {
        Files.createDirectories(dir.resolve("templates/demo"));
        TemplateSettings settings = new TemplateSettings(dir.resolve("templates"), Locale.SIMPLIFIED_CHINESE, 2, "回T退订",
                "https://shop.example.cn", "https://shop.example.cn/u?c={campaign}&u={customer}");
        engine = new TemplateEngine(settings);
        ShopProfile shop = new ShopProfile("暖心小铺", "暖心小铺", ZoneId.of("Asia/Shanghai"), Clock.systemUTC());
        models = new MessageModel(shop, settings).forCampaign(new CampaignRef(3, "测试", "demo", Purpose.MARKETING,
                LocalDate.of(2026, 11, 22)));
    }

    private void write(String name, String body) throws Exception {
        Files.writeString(dir.resolve("templates").resolve(name), body);
    }

    private Rendered render(String channel, ContactKind kind) {
        return engine.prepare("demo", channel, kind).render(models.model(customer, new Offer("coupon-20", "老客专享8折券", "7天内有效"),
                Map.of("holiday", "中秋节")));
    }

    @Test
    void shouldRenderTheDataModel() throws Exception {
        write("demo/sms.ftl", "【${shop.signature}】${customer.salutation}，${customer.stage_name}/${customer.segment_name}，"
                + "送您${offer.title}，${facts.holiday}快乐 ${customer.monetary} ${optout}\n");

        Rendered r = render("sms", ContactKind.MOBILE);

        assertEquals("【暖心小铺】王女士，沉默期/重要保持客户，送您老客专享8折券，中秋节快乐 456.5 回T退订", r.text());
        assertEquals("demo/sms.ftl", r.template());
    }

    @Test
    void aMissingVariableIsAnErrorNamingTemplateLineAndVariable() throws Exception {
        write("demo/sms.ftl", "【${shop.signature}】\n${customer.nmae}，您好\n");

        TemplateProblem p = assertThrows(TemplateProblem.class, () -> render("sms", ContactKind.MOBILE));

        assertEquals("templates/demo/sms.ftl line 2: variable 'customer.nmae' is not defined (see the template data model in docs/operator/campaigns.md)",
                p.getMessage());
    }

    @Test
    void aSyntaxErrorNamesTheLine() throws Exception {
        write("demo/sms.ftl", "ok\n<#if customer.name>\nno end\n");

        TemplateProblem p = assertThrows(TemplateProblem.class, () -> render("sms", ContactKind.MOBILE));

        assertTrue(p.getMessage().startsWith("templates/demo/sms.ftl line "), p.getMessage());
        assertTrue(p.getMessage().contains("syntax error"), p.getMessage());
    }

    @Test
    void theSandboxBlocksNewAndApi() throws Exception {
        write("demo/sms.ftl", "<#assign ex = \"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}");
        TemplateProblem newBlocked = assertThrows(TemplateProblem.class, () -> render("sms", ContactKind.MOBILE));
        assertTrue(newBlocked.getMessage().contains("not allowed"), newBlocked.getMessage());

        write("demo/wechat.ftl", "${customer?api.getClass()}");
        TemplateProblem apiBlocked = assertThrows(TemplateProblem.class, () -> render("wechat", ContactKind.WECHAT));
        assertTrue(apiBlocked.getMessage().contains("?api"), apiBlocked.getMessage());
    }

    @Test
    void templatesCannotReadFilesOutsideTheTemplatesFolder() throws Exception {
        Files.writeString(dir.resolve("secret.txt"), "password=hunter2");
        write("demo/sms.ftl", "<#include \"../../secret.txt\">");
        TemplateProblem dots = assertThrows(TemplateProblem.class, () -> render("sms", ContactKind.MOBILE));
        assertFalse(dots.getMessage().contains("hunter2"));

        Files.createSymbolicLink(dir.resolve("templates/demo/link.txt"), dir.resolve("secret.txt"));
        write("demo/wechat.ftl", "<#include \"link.txt\">");
        TemplateProblem link = assertThrows(TemplateProblem.class, () -> render("wechat", ContactKind.WECHAT));
        assertFalse(link.getMessage().contains("hunter2"), link.getMessage());
    }

    @Test
    void anEmailTemplateHasSubjectTextAndHtmlPartsAndTheHtmlIsEscaped() throws Exception {
        customer = CustomerView.builder(8, "tb8").name("<b>李</b>").build();
        write("demo/email.ftl", """
                <#macro subject>${customer.name}，好久不见</#macro>
                <#macro text>亲爱的${customer.name}</#macro>
                <#macro html><p>亲爱的${customer.name}</p></#macro>
                """);

        Rendered r = render("email", ContactKind.EMAIL);

        assertEquals("<b>李</b>，好久不见", r.subject());
        assertEquals("亲爱的<b>李</b>", r.text());
        assertEquals("<p>亲爱的&lt;b&gt;李&lt;/b&gt;</p>", r.html());
    }

    @Test
    void anEmailTemplateWithoutASubjectPartIsRefused() throws Exception {
        write("demo/email.ftl", "<#macro text>hi</#macro><#macro html>hi</#macro>");

        TemplateProblem p = assertThrows(TemplateProblem.class, () -> render("email", ContactKind.EMAIL));

        assertTrue(p.getMessage().contains("'subject' is missing"), p.getMessage());
    }

    @Test
    void aLocaleVariantIsPickedForItsLocaleAndAChannelWithoutItsOwnFileUsesItsKindsTemplate() throws Exception {
        write("demo/sms.ftl", "中文");
        write("demo/sms_en.ftl", "English");

        assertEquals("中文", render("sms", ContactKind.MOBILE).text());
        assertEquals("English", engine.prepare("demo", "sms", ContactKind.MOBILE, Locale.ENGLISH)
                .render(models.model(customer, null, Map.of())).text());
        assertEquals("中文", render("file", ContactKind.MOBILE).text(), "the file channel uses sms.ftl");
        assertThrows(TemplateProblem.class, () -> render("wechat", ContactKind.WECHAT));
    }

    @Test
    void everyDocumentedKeyExistsEvenForACustomerWithNothingOnFile() throws Exception {
        write("demo/sms.ftl", "[${customer.name}][${customer.salutation}][${customer.birthday}][${customer.segment}]"
                + "[${customer.r}][${customer.last_order_date}][${customer.city}][${offer.title}][${links.unsubscribe}]");
        customer = CustomerView.builder(9, "tb 9").build();

        Rendered r = engine.prepare("demo", "sms", ContactKind.MOBILE).render(models.model(customer, null, Map.of()));

        assertEquals("[][亲][][][0][][][][https://shop.example.cn/u?c=3&u=tb+9]", r.text());
    }
}
