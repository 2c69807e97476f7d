package dev.rekindle.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rekindle.api.ContactKind;
import dev.rekindle.api.CustomerView;
import dev.rekindle.api.Purpose;
import dev.rekindle.plugin.PluginIsolationTestsAccess;
import dev.rekindle.plugin.PluginTemplates;
import dev.rekindle.plugin.RekindlePluginManager;
import dev.rekindle.shop.ShopProfile;
import dev.rekindle.support.PluginJars;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** A plugin jar's templates/<strategy>/<channel>.ftl is the default; the shop's templates/ folder overrides it. */
class PluginDefaultTemplatesTests {

    @TempDir
    Path tmp;

    @Test
    void aTemplateInThePluginJarIsUsedUntilTheShopHasItsOwn() throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        PluginJars.build(plugins, "quiet.jar", Map.of("Plugin-Id", "quiet", "Plugin-Version", "1.0.0"), Map.of(
                "test.quiet.TheChannel", PluginIsolationTestsAccess.channel("test.quiet", "quiet"),
                "templates/quiet-vips/sms.ftl", "【${shop.signature}】from the plugin"));
        RekindlePluginManager manager = new RekindlePluginManager(plugins, "0.1.0");
        manager.loadAndStart();
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("pluginManager", manager));
        PluginTemplates jarTemplates = new PluginTemplates(beans.getBeanProvider(RekindlePluginManager.class));
        Path shopTemplates = Files.createDirectories(tmp.resolve("templates"));
        TemplateSettings settings = new TemplateSettings(shopTemplates, Locale.SIMPLIFIED_CHINESE, 2, "回T退订",
                "https://shop.example.cn", "https://shop.example.cn/u?c={campaign}&u={customer}");
        ShopProfile shop = new ShopProfile("暖心小铺", "暖心小铺", ZoneId.of("Asia/Shanghai"), Clock.systemUTC());
        MessageModel.Factory models = new MessageModel(shop, settings).forCampaign(new CampaignRef(1, "t", "quiet-vips",
                Purpose.CARE, LocalDate.of(2026, 12, 7)));
        CustomerView customer = CustomerView.builder(7, "tb7").name("王小明").contacts(ContactKind.MOBILE).build();

        String fromJar = new TemplateEngine(settings, jarTemplates).prepare("quiet-vips", "sms", ContactKind.MOBILE)
                .render(models.model(customer, null, Map.of())).text();
        // what campaigns plan pins (the approved text) comes from the jar too: it read the shop's folder and failed
        TemplateEngine.Source pinned = new TemplateEngine(settings, jarTemplates).source("quiet-vips", "sms", ContactKind.MOBILE).orElseThrow();
        assertEquals("【${shop.signature}】from the plugin", pinned.text());
        Files.createDirectories(shopTemplates.resolve("quiet-vips"));
        Files.writeString(shopTemplates.resolve("quiet-vips/sms.ftl"), "【${shop.signature}】the shop's own");
        String fromShop = new TemplateEngine(settings, jarTemplates).prepare("quiet-vips", "sms", ContactKind.MOBILE)
                .render(models.model(customer, null, Map.of())).text();
        manager.stopPlugins();

        assertEquals("【暖心小铺】from the plugin", fromJar.strip());
        assertEquals("【暖心小铺】the shop's own", fromShop.strip());
    }
}
