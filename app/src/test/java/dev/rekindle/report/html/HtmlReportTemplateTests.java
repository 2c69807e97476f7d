package dev.rekindle.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The page template on hand-made figures: what it shows, and that texts from the data cannot become markup. */
class HtmlReportTemplateTests {

    private static ShopFigures figures(String source) {
        Map<String, Long> stages = new LinkedHashMap<>();
        stages.put("active", 10L);
        stages.put("silent", 5L);
        stages.put("sleeping", 3L);
        stages.put("lost", 2L);
        stages.put("gone", 1L);
        stages.put("none", 4L);
        long[][] cells = new long[5][5];
        cells[0][0] = 3;
        cells[4][4] = 7;
        Map<String, long[]> inflow = new LinkedHashMap<>();
        for (String s : List.of("silent", "sleeping", "lost", "gone")) inflow.put(s, new long[]{1, 2});
        return new ShopFigures(LocalDate.of(2026, 12, 7), new ShopFigures.Lifecycle(source, stages),
                new ShopFigures.Rfm("rfm source", cells),
                new ShopFigures.Inflow(List.of(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 30)), inflow),
                List.of(new ShopFigures.Month(YearMonth.of(2026, 11), 4, 1, 6, 600.5),
                        new ShopFigures.Month(YearMonth.of(2026, 12), 0, 0, 0, 0)));
    }

    @Test
    void textsFromTheDataShouldComeOutEscaped() {
        String html = HtmlReport.render("<script>alert('x')</script>小铺", LocalDateTime.of(2026, 12, 7, 18, 49),
                figures("imported from <img src=x onerror=alert(1)>"), Optional.empty());

        assertThat(html).doesNotContain("<script").doesNotContain("<img");
        assertThat(html).contains("<title>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;小铺 · 客户报告 Customer report · 2026-12-07</title>");
        assertThat(html).contains("<h1>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;小铺 · 客户报告");
        assertThat(html).contains("imported from &lt;img src=x onerror=alert(1)&gt;");
    }

    @Test
    void thePageShouldShowTheFiguresEachCardAndTheMonthTable() {
        String html = HtmlReport.render("暖心小铺", LocalDateTime.of(2026, 12, 7, 18, 49), figures("snapshot #1"), Optional.empty());

        assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n");
        assertThat(html).contains("<p class=\"meta\">截至 as of 2026-12-07 · 生成于 generated 2026-12-07 18:49</p>");
        assertThat(html).contains("<div class=\"value\">25</div><div class=\"label\">客户 customers</div>",
                "<div class=\"value\">21</div><div class=\"label\">已购买 buyers</div>",
                "<div class=\"value\">¥600.50</div><div class=\"label\">近12个月销售额 revenue, 12 months</div>");
        for (String card : List.of("lifecycle", "rfm", "inflow", "months")) {
            assertThat(html).contains("<section class=\"card\" id=\"" + card + "\"><h2>");
        }
        assertThat(html).doesNotContain("id=\"campaign\"").doesNotContain("id=\"strategy\"");
        assertThat(html).contains("<th>月份 month</th><th>买家 buyers</th>",
                "<tr><td>2026-11</td><td>4</td><td>1</td><td>25.00%</td><td>6</td><td>¥100.08</td><td>¥600.50</td></tr>");
        assertThat(html).contains(">已流失 gone<").contains("<p class=\"note\">来源 source: snapshot #1.</p>");
        assertThat(html).contains("font-family:\"PingFang SC\"").endsWith("</footer>\n</body>\n</html>\n");
    }
}
