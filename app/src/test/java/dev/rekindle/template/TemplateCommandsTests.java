package dev.rekindle.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rekindle.support.CampaignTestSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** templates list / validate / preview on a copy of the shipped templates, with the real strategies. */
class TemplateCommandsTests extends CampaignTestSupport {

    static final Path TEMPLATES = copyOfShippedTemplates();

    @DynamicPropertySource
    static void templates(DynamicPropertyRegistry registry) {
        registry.add("rekindle.templates.dir", TEMPLATES::toString);
    }

    static Path copyOfShippedTemplates() {
        try {
            Path to = Files.createTempDirectory("rekindle-templates");
            Path from = Path.of("../templates");
            try (Stream<Path> files = Files.walk(from)) {
                for (Path f : files.toList()) {
                    Path t = to.resolve(from.relativize(f).toString());
                    if (Files.isDirectory(f)) Files.createDirectories(t);
                    else Files.copy(f, t);
                }
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyShippedTemplatePassesValidationOnRealCustomers() {
        demoWithSnapshot(300);

        Result r = run("templates validate");

        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("with errors") && r.out().contains(", 0 with errors"), r.out());
        for (String strategy : new String[]{"post-purchase-thanks", "dormancy-reminder", "winback-silent", "winback-sleeping",
                "last-call-lost", "birthday-care", "holiday-greeting", "vip-exclusive", "new-product-trial", "replenishment-reminder"}) {
            for (String channel : new String[]{"sms", "email", "wechat", "taobao-group"}) {
                assertTrue(r.out().contains("OK     templates/" + strategy + "/" + channel + ".ftl"), strategy + "/" + channel + "\n" + r.out());
            }
        }
    }

    @Test
    void validateCatchesABrokenTemplateAndCampaignsRefuseIt() throws Exception {
        demoWithSnapshot(200);
        Path sms = TEMPLATES.resolve("winback-sleeping/sms.ftl");
        String original = Files.readString(sms);
        try {
            Files.writeString(sms, "【${shop.signature}】${customer.salutation}，\n想您了！${offer.titel}${optout}\n");

            Result validate = run("templates validate winback-sleeping/sms");
            Result plan = run("campaigns plan winback-sleeping");

            assertEquals(1, validate.exit(), validate.all());
            assertTrue(validate.out().contains("ERROR  templates/winback-sleeping/sms.ftl"), validate.out());
            assertTrue(validate.out().contains("line 2: variable 'offer.titel' is not defined"), validate.out());
            assertTrue(validate.err().contains("1 with errors"), validate.err());
            assertEquals(1, plan.exit(), plan.all());
            assertTrue(plan.err().contains("winback-sleeping/sms.ftl line 2"), plan.err());
            assertTrue(plan.err().contains("templates validate winback-sleeping"), plan.err());
        } finally {
            Files.writeString(sms, original);
            Files.setLastModifiedTime(sms, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 10_000));
        }
    }

    @Test
    void aMarketingSmsWithoutOptOutIsAnError() throws Exception {
        demoWithSnapshot(100);
        Path folder = Files.createDirectories(TEMPLATES.resolve("flash-sale"));
        Files.writeString(folder.resolve("sms.ftl"), "【${shop.signature}】${customer.salutation}，今晚8点限时秒杀！\n");

        Result r = run("templates validate flash-sale");
        Files.delete(folder.resolve("sms.ftl"));
        Files.delete(folder);

        assertEquals(1, r.exit(), r.all());
        assertTrue(r.out().contains("no opt-out wording"), r.out());
        assertTrue(r.out().contains("no strategy uses it (checked as MARKETING)"), r.out());
    }

    @Test
    void listShowsEveryFileWithItsStrategy() {
        Result r = run("templates list");

        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().matches("(?s).*winback-silent/sms_en\\.ftl\\s+sms\\s+en\\s+winback-silent\\s+MARKETING.*"), r.out());
        assertTrue(r.out().matches("(?s).*birthday-care/wechat\\.ftl\\s+wechat\\s+default\\s+birthday-care\\s+CARE.*"), r.out());
    }

    @Test
    void previewShowsTheExactMessageForOneCustomerWithContactsMasked() {
        demoWithSnapshot(200);
        String buyer = run("customers find --name 王 --limit 1 --format csv").out().split("\n")[1].split(",")[0];

        Result sms = run("templates preview winback-silent --customer " + buyer + " --channel sms");
        Result email = run("templates preview vip-exclusive/email --customer " + buyer);

        assertEquals(0, sms.exit(), sms.all());
        assertTrue(sms.out().contains("templates/winback-silent/sms.ftl for " + buyer + " via sms"), sms.out());
        assertTrue(sms.out().contains("【暖心小铺】"), sms.out());
        assertTrue(sms.out().matches("(?s).*\\d+ characters, 1 SMS part\\(s\\).*"), sms.out());
        assertFalse(sms.out().matches("(?s).*1[3-9]\\d{9}.*"), "no full mobile: " + sms.out());
        assertEquals(0, email.exit(), email.all());
        assertTrue(email.out().contains("Subject: "), email.out());
        assertTrue(email.out().contains("HTML part:"), email.out());
        assertEquals(1, run("templates preview nothing-here --customer " + buyer).exit());
        assertEquals(1, run("templates preview winback-silent --customer nobody").exit());
    }

    @Test
    void aTemplateThatNeverEndsStopsValidatePreviewPlanAndDryRunWithFileLineAndLimit() throws Exception {
        demoWithSnapshot(100);
        String buyer = run("customers find --name 王 --limit 1 --format csv").out().split("\n")[1].split(",")[0];
        Path sms = TEMPLATES.resolve("winback-sleeping/sms.ftl");
        String original = Files.readString(sms);
        long planned = plannedId(run("campaigns plan winback-sleeping --channel sms --holdout 0"));
        try {
            Files.writeString(sms, "【${shop.signature}】\n<#list 1..2147483647 as i><#list 1..2147483647 as j></#list></#list>${optout}\n");
            Files.setLastModifiedTime(sms, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5_000));

            Result validate = run("templates validate winback-sleeping/sms");
            Result preview = run("templates preview winback-sleeping --customer " + buyer + " --channel sms");
            Result plan = run("campaigns plan winback-sleeping --channel sms");
            Result dryRun = run("campaigns dry-run " + planned);
            Result approve = run("campaigns approve " + planned);

            String hit = "winback-sleeping/sms.ftl line 2: rendering one message took more than 200 ms (rekindle.templates.render-timeout)";
            assertEquals(1, validate.exit(), validate.all());
            assertTrue(validate.out().replaceAll("\\s+", " ").contains(hit), validate.out()); // wrapped to the screen
            assertEquals(0, dryRun.exit(), "the planned campaign renders the text it was approved with: " + dryRun.all());
            for (Result r : new Result[]{preview, plan, approve}) {
                assertEquals(1, r.exit(), r.all());
                assertTrue(r.err().contains(hit), r.err());
            }
        } finally {
            Files.writeString(sms, original);
            Files.setLastModifiedTime(sms, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 20_000));
        }
    }

    private static long plannedId(Result r) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Campaign (\\d+) planned").matcher(r.out());
        assertTrue(m.find(), r.all());
        return Long.parseLong(m.group(1));
    }
}
