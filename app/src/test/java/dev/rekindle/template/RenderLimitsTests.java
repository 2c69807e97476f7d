package dev.rekindle.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rekindle.api.ContactKind;
import dev.rekindle.api.CustomerView;
import dev.rekindle.api.Offer;
import dev.rekindle.api.Purpose;
import dev.rekindle.shop.ShopProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runaway templates stop with the file, the line and the limit hit (issue 20 item 5): the exact templates
 * of the probe that hung {@code templates preview} and {@code campaigns plan} or ran out of heap.
 */
class RenderLimitsTests {

    @TempDir
    Path dir;

    TemplateSettings settings;
    MessageModel.Factory models;
    CustomerView customer = CustomerView.builder(7, "tb7").name("王小明").contacts(ContactKind.MOBILE).build();

    @BeforeEach
    void setUp() throws Exception {
        Files.createDirectories(dir.resolve("templates/demo"));
        settings = new TemplateSettings(dir.resolve("templates"), Locale.SIMPLIFIED_CHINESE, 2, "回T退订",
                "https://shop.example.cn", "https://shop.example.cn/u?c={campaign}&u={customer}");
        ShopProfile shop = new ShopProfile("暖心小铺", "暖心小铺", ZoneId.of("Asia/Shanghai"), Clock.systemUTC());
        models = new MessageModel(shop, settings).forCampaign(new CampaignRef(3, "测试", "demo", Purpose.MARKETING,
                LocalDate.of(2026, 11, 22)));
    }

    private void write(String name, String body) throws Exception {
        Files.writeString(dir.resolve("templates").resolve(name), body);
    }

    private Rendered render(String channel, ContactKind kind) {
        return new TemplateEngine(settings).prepare("demo", channel, kind)
                .render(models.model(customer, new Offer("c", "券", "7天"), Map.of()));
    }

    @Test
    void aNestedListToMaxIntShouldStopAtTheTimeLimitNamingFileAndLine() throws Exception {
        write("demo/sms.ftl", "您好\n<#list 1..2147483647 as i><#list 1..2147483647 as j></#list></#list>\n");

        TemplateProblem p = assertThrows(TemplateProblem.class, () -> render("sms", ContactKind.MOBILE));

        assertTrue(p.getMessage().startsWith("templates/demo/sms.ftl line 2: rendering one message took more than 200 ms "
                + "(rekindle.templates.render-timeout)"), p.getMessage());
        assertEquals(2, p.line());
    }

    @Test
    void withThreadCpuTimeSwitchedOffTheWallClockAloneStillStopsARunawayTemplate() throws Exception {
        write("demo/sms.ftl", "您好\n<#list 1..2147483647 as i><#list 1..2147483647 as j></#list></#list>\n");
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        boolean was = threads.isThreadCpuTimeEnabled();
        threads.setThreadCpuTimeEnabled(false); // the MXBean now answers -1: no CPU budget to extend the wall deadline
        try {
            // preemptive: a guard that waited for a CPU budget it cannot read would never stop; fail, do not hang
            TemplateProblem p = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> assertThrows(TemplateProblem.class, () -> render("sms", ContactKind.MOBILE)));

            assertTrue(p.getMessage().contains("rendering one message took more than 200 ms"), p.getMessage());
        } finally {
            threads.setThreadCpuTimeEnabled(was);
        }
    }

    @Test
    void aLoopPrintingAHundredMillionNumbersShouldHitTheOutputLimitNotTheHeap() throws Exception {
        write("demo/sms.ftl", "<#list 1..100000000 as i>${i}</#list>");

        TemplateProblem p = assertThrows(TemplateProblem.class, () -> render("sms", ContactKind.MOBILE));

        assertEquals("templates/demo/sms.ftl line 1: the message is longer than 64 KB (rekindle.templates.max-output); "
                + "a loop that prints too much?", p.getMessage());
    }

    @Test
    void theOutputLimitIsASetting() throws Exception {
        settings.withLimits(new RenderLimits(Duration.ofMillis(200), 100, 200));
        write("demo/sms.ftl", "${customer.name}\n<#list 1..60 as i>${i}</#list>");

        TemplateProblem p = assertThrows(TemplateProblem.class, () -> render("sms", ContactKind.MOBILE));

        assertTrue(p.getMessage().startsWith("templates/demo/sms.ftl line 2: the message is longer than 100 characters"), p.getMessage());
    }

    @Test
    void aMacroCallingItselfShouldBeRecursionTooDeepWithFileAndLine() throws Exception {
        write("demo/sms.ftl", "<#macro boom n>${n}\n<@boom n + 1/></#macro>\n<@boom 1/>\n");

        TemplateProblem p = assertThrows(TemplateProblem.class, () -> render("sms", ContactKind.MOBILE));

        assertTrue(p.getMessage().startsWith("templates/demo/sms.ftl line 1: recursion too deep: more than 200 nested "
                + "template elements (rekindle.templates.max-depth)"), p.getMessage());
    }

    @Test
    void aSilentRecursionInAnEmailPartIsLocatedInTheRealFile() throws Exception {
        write("demo/email.ftl", """
                <#macro subject>好久不见</#macro>
                <#macro text><@text/></#macro>
                <#macro html><p>hi</p></#macro>
                """);

        TemplateProblem p = assertThrows(TemplateProblem.class, () -> render("email", ContactKind.EMAIL));

        assertTrue(p.getMessage().startsWith("templates/demo/email.ftl line 2: recursion too deep"), p.getMessage());
    }

    @Test
    void whenTheJavaStackRunsOutFirstItIsStillRecursionTooDeepNotAStackOverflowError() throws Exception {
        settings.withLimits(new RenderLimits(Duration.ofSeconds(30), 64 * 1024, 10_000_000));
        write("demo/sms.ftl", "\n<#macro r><@r/></#macro><@r/>");
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread small = new Thread(null, () -> {
            try {
                render("sms", ContactKind.MOBILE);
            } catch (Throwable t) {
                thrown.set(t);
            }
        }, "small-stack", 256 * 1024);
        small.start();
        small.join();

        TemplateProblem p = assertThrows(TemplateProblem.class, () -> {
            throw thrown.get();
        });
        assertTrue(p.getMessage().startsWith("templates/demo/sms.ftl line 2: recursion too deep: the rendering ran out of stack"),
                p.getMessage());
    }

    @Test
    void anOrdinaryLoopIsFine() throws Exception {
        write("demo/sms.ftl", "<#list 1..500 as i><#if i == 500>${customer.name}</#if></#list>");

        assertEquals("王小明", render("sms", ContactKind.MOBILE).text());
    }

    @Test
    void limitsAreReadFromSettingsText() {
        RenderLimits l = RenderLimits.parse("2s", "16KB", 50);
        assertEquals(Duration.ofSeconds(2), l.timeout());
        assertEquals(16 * 1024, l.maxOutput());
        assertThrows(dev.rekindle.console.UsageException.class, () -> RenderLimits.parse("soon", "64KB", 200));
    }
}
