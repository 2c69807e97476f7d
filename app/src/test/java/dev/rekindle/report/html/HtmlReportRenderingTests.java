package dev.rekindle.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rekindle.report.CampaignFixture;
import dev.rekindle.report.Timestamps;
import dev.rekindle.shop.ShopProfile;
import dev.rekindle.support.ShellTestSupport;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The exported page on demo data with a campaign and simulated later orders: self-contained, with every
 * chart, and really rendered by headless Chromium (non-blank, charts painted, no console error, Chinese
 * glyphs rather than empty boxes).
 */
class HtmlReportRenderingTests extends ShellTestSupport {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ShopProfile shop;

    @TempDir
    static Path work;
    static Path page;
    static String html;

    @BeforeAll
    static void chromium() {
        HeadlessChromium.ensureInstalled();
    }

    static JdbcTemplate cleanup;

    /** Campaign rows point at customers: leave none behind for tests that empty the customers table. */
    @AfterAll
    static void removeCampaigns() {
        if (cleanup != null) {
            new CampaignFixture(cleanup).clear();
        }
    }

    @BeforeEach
    void exportOnce() throws Exception {
        if (page != null) {
            return;
        }
        cleanup = jdbc;
        run("demo reset --customers 1500 --seed 21 --yes");
        CampaignFixture fixture = new CampaignFixture(jdbc).ensureTables().clear();
        LocalDateTime planned = shop.now();
        long campaign = fixture.campaign("沉睡唤醒", Timestamps.format(planned), 30);
        jdbc.update("""
                INSERT INTO campaign_members(campaign_id, customer_id, status, channel)
                SELECT ?, id, CASE WHEN id % 3 = 0 THEN 'holdout' ELSE 'target' END, CASE WHEN id % 2 = 0 THEN 'sms' ELSE 'email' END
                FROM customers""", campaign);
        assertEquals(0, run("demo orders-after --campaign " + campaign + " --lift 0.5").exit());
        // a smaller campaign of the same strategy two days earlier, for the strategy section
        long earlier = fixture.campaign("沉睡唤醒 前", Timestamps.format(planned.minusDays(2)), 30);
        jdbc.update("""
                INSERT INTO campaign_members(campaign_id, customer_id, status, channel)
                SELECT ?, id, CASE WHEN id % 4 = 0 THEN 'holdout' ELSE 'target' END, 'sms' FROM customers WHERE id <= 300""", earlier);
        page = work.resolve("reports").resolve("report.html");
        Result r = run("report export --html " + page + " --campaign " + campaign + " --strategy test-strategy --as-of "
                + planned.plusDays(30).toLocalDate());
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().startsWith("Wrote " + page), r.out());
        html = Files.readString(page, StandardCharsets.UTF_8);
    }

    @Test
    void pageShouldBeSelfContained() {
        assertFalse(html.contains("<script"), "no script");
        assertFalse(Pattern.compile("\\b(src|href)\\s*=", Pattern.CASE_INSENSITIVE).matcher(html).find(), "no src or href");
        assertFalse(html.contains("url(") || html.contains("@import") || html.contains("@font-face"), "no CSS loads");
        Matcher links = Pattern.compile("https?://[^\"' <]+").matcher(html);
        while (links.find()) {
            assertEquals("http://www.w3.org/2000/svg", links.group(), "the only address is the SVG namespace");
        }
        assertTrue(html.contains("default-src 'none'"), "a Content-Security-Policy forbids loads");
        assertTrue(html.contains("<meta charset=\"utf-8\">"));
        assertTrue(html.contains("\"Noto Sans CJK SC\"") && html.contains("\"Microsoft YaHei\""), "CJK font stack");
    }

    @Test
    void pageShouldHaveEveryChart() {
        assertTrue(count(html, "<svg") >= 7, "charts: " + count(html, "<svg"));
        assertTrue(html.contains("id=\"lifecycle\"") && html.contains("生命周期分布"));
        assertEquals(25, count(html, "<rect class=\"cell\""), "a 5 × 5 RFM heat map");
        assertEquals(1, count(html, "class=\"chart heat-map\""));
        assertTrue(count(html, "class=\"chart line-chart\"") >= 3, "inflow, AOV, repeat rate");
        String inflow = html.substring(html.indexOf("id=\"inflow\""), html.indexOf("</section>", html.indexOf("id=\"inflow\"")));
        assertEquals(4, count(inflow, "<polyline class=\"series\""), "one line per stage a customer can slip into");
        assertEquals(1, count(html, "class=\"chart interval-chart\""), "campaign uplift with intervals");
        assertEquals(6, count(html, "class=\"error-bar\""), "Wilson error bars on contacted and holdout");
        assertTrue(html.contains("活动效果 Campaign"));
        String strategy = html.substring(html.indexOf("id=\"strategy\""), html.indexOf("</section>", html.indexOf("id=\"strategy\"")));
        assertTrue(strategy.contains("Cumulative uplift"), "the strategy's cumulative chart");
        assertEquals(2, count(strategy, "<polyline class=\"series\""), "pooled so far, and each campaign");
        assertTrue(strategy.contains("Cochran-Mantel-Haenszel"), "names its method");
    }

    @Test
    void chromiumShouldRenderTheChartsWithoutConsoleErrors() throws Exception {
        HeadlessChromium.Rendering r = new HeadlessChromium(work).render(page, 1100, 3600);

        assertEquals(List.of(), r.console(), "console messages");
        assertTrue(r.dom().contains("heat-map") && r.dom().contains("interval-chart") && r.dom().contains("line-chart"),
                "charts in the rendered DOM");
        assertEquals(count(html, "<svg"), count(r.dom(), "<svg"), "every svg survived parsing");
        assertTrue(distinctColours(r.screenshot()) > 50, "not a blank page: " + distinctColours(r.screenshot()));
        assertTrue(pixelsNear(r.screenshot(), 0x3b6fb6) > 2000, "blue bars painted");
        assertTrue(pixelsNear(r.screenshot(), 0x1f4e8c) > 1000, "the darkest heat map cell painted");
    }

    /** The check itself can fail: a page with a script error and an external image is caught. */
    @Test
    void consoleCheckShouldCatchScriptErrorsAndExternalLoads() throws Exception {
        Path broken = work.resolve("broken.html");
        Files.writeString(broken, """
                <!DOCTYPE html><html><head><meta charset="utf-8">
                <meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; img-src data:">
                </head><body><img src="https://example.com/x.png"><script>notDefined();</script></body></html>""");

        HeadlessChromium.Rendering r = new HeadlessChromium(work).dump(broken);

        assertTrue(r.console().stream().anyMatch(l -> l.contains("Uncaught ReferenceError")), r.console().toString());
        assertTrue(r.console().stream().anyMatch(l -> l.contains("example.com")), r.console().toString());
    }

    /** With a Chinese font, different characters are different shapes; without one they are identical empty boxes. */
    @Test
    void chineseTextShouldRenderAsGlyphs() throws Exception {
        assertTrue(HeadlessChromium.hasChineseFont(), "fontconfig knows a font with Chinese glyphs");
        Path glyphs = work.resolve("glyphs.html");
        Files.writeString(glyphs, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>body{margin:0;font-family:"
                + HtmlReport.FONTS + ";font-size:120px;line-height:1}span{display:inline-block;width:200px}</style></head>"
                + "<body><span>暖</span><span>铺</span></body></html>");

        BufferedImage shot = new HeadlessChromium(work).screenshot(glyphs, 400, 200);

        long left = inkPixels(shot, 0);
        long right = inkPixels(shot, 200);
        assertTrue(left > 500 && right > 500, "glyphs drawn: " + left + ", " + right);
        assertNotEquals(signature(shot, 0), signature(shot, 200), "two different characters look different");
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) n++;
        return n;
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) colours.add(image.getRGB(x, y) & 0xffffff);
        }
        return colours.size();
    }

    private static long pixelsNear(BufferedImage image, int rgb) {
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                if (Math.abs(((p >> 16) & 0xff) - ((rgb >> 16) & 0xff)) < 12 && Math.abs(((p >> 8) & 0xff) - ((rgb >> 8) & 0xff)) < 12
                        && Math.abs((p & 0xff) - (rgb & 0xff)) < 12) n++;
            }
        }
        return n;
    }

    private static long inkPixels(BufferedImage image, int fromX) {
        long n = 0;
        for (int y = 0; y < Math.min(image.getHeight(), 160); y++) {
            for (int x = fromX; x < fromX + 160; x++) if ((image.getRGB(x, y) & 0xff) < 128) n++;
        }
        return n;
    }

    private static String signature(BufferedImage image, int fromX) {
        StringBuilder sb = new StringBuilder();
        for (int y = 0; y < Math.min(image.getHeight(), 160); y += 4) {
            for (int x = fromX; x < fromX + 160; x += 4) sb.append((image.getRGB(x, y) & 0xff) < 128 ? '#' : '.');
        }
        return sb.toString();
    }
}
