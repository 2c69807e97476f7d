package dev.rekindle.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekindle.support.CampaignTestSupport;
import dev.rekindle.support.InChinese;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An operator working in Chinese plans, reads and dry-runs a campaign in Chinese; scripts' formats stay put. */
@ExtendWith(InChinese.class)
class ChineseCampaignTests extends CampaignTestSupport {

    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

    @Test
    void shouldPlanShowAndDryRunACampaignInChinese() {
        demoWithSnapshot(400);

        Result plan = run("campaigns plan winback-silent --holdout 20");
        assertThat(plan.exit()).as(plan.all()).isZero();
        assertThat(plan.out()).contains("已规划", "符合条件", "待发送", "对照组", "没有营销授权", "消息示例：", "下一步：campaigns preview");
        Matcher m = Pattern.compile("营销活动 (\\d+) 已规划").matcher(plan.out());
        assertThat(m.find()).as(plan.out()).isTrue();
        String id = m.group(1);

        assertThat(run("campaigns show " + id).out()).contains("营销活动 " + id + "：", "按策略的渠道优先顺序");
        assertThat(run("campaigns dry-run " + id).out()).contains("试运行", "没有发送任何消息。");
        assertThat(run("campaigns list --format csv").out()).startsWith("id,name,strategy,purpose");
        Result report = run("campaigns report " + id);
        assertThat(report.exit()).as(report.all()).isZero();
        assertThat(report.out()).contains("营销活动 " + id + " · ", "绝对提升", "相对提升", "显著性", "按阶段");
        assertThat(run("campaigns report " + id + " --format json").out()).contains("\"verdict\"").doesNotContain("显著");

        Result again = run("campaigns plan winback-silent --holdout 20");
        assertThat(again.out()).contains("今天已按相同设置规划过");
    }

    @Test
    void shouldAskBeforeSendingInChinese() {
        demoWithSnapshot(200);
        Result plan = run("campaigns plan winback-silent --channel file");
        Matcher m = Pattern.compile("营销活动 (\\d+) 已规划").matcher(plan.out());
        assertThat(m.find()).as(plan.all()).isTrue();

        Result send = run("campaigns send " + m.group(1));

        assertThat(send.out()).contains("没有发送任何消息。");
    }

    @Test
    void shouldExplainMistakesInChinese() {
        demoWithSnapshot(200);

        assertThat(run("campaigns show 9999").err()).contains("没有营销活动 9999。请查看 campaigns list");
        assertThat(run("campaigns status nosuch-strategy").err()).contains("今天", "没有规划过策略 'nosuch-strategy' 的营销活动",
                "campaigns plan nosuch-strategy");
        assertThat(run("campaigns plan nosuch").err()).contains("没有策略 'nosuch'。可用策略：", "winback-silent");
        assertThat(run("campaigns plan winback-silent --segment foo").err()).contains("未知分群 'foo'", "important_value");
        assertThat(run("campaigns plan winback-silent --channel fax").err()).contains("未知渠道 'fax'。可用渠道：");
        assertThat(run("campaigns plan winback-silent --holdout 95").err()).contains("--holdout 是 0 到 90 之间的百分比，而不是 95.0");
        assertThat(run("campaigns plan winback-silent --as-of 2020-01-01").err()).contains("没有数据日期为 2020-01-01 的分群快照");
        assertThat(run("campaigns report 9999").err()).contains("没有营销活动 9999。查看营销活动：campaigns list");
        Result rate = run("campaigns send winback-silent --yes --rate fast");
        assertThat(rate.exit()).isEqualTo(2);
        assertThat(rate.err()).contains("--rate：速率的写法如 50/s、20/min 或 1000/h，而不是 'fast'");
    }

    @Test
    void shouldReportInChineseWhileJsonAndCsvStayEnglish() {
        demoWithSnapshot(300);
        String id = planned(run("campaigns plan winback-silent --holdout 30"));

        Result report = run("campaigns report " + id);

        assertThat(report.exit()).as(report.all()).isZero();
        assertThat(report.out()).contains("（规划时间；没有发送记录", "两组都还没有人下单", "按渠道（该营销活动没有发送台账",
                "（分群和阶段来自快照 #").doesNotContain("nobody has ordered", "planned at;", "  (");
        String json = run("campaigns report " + id + " --format json").out();
        assertThat(json).contains("\"breakdown_source\" : \"segments and stages from snapshot #",
                "\"messages_source\" : \"no delivery ledger for this campaign", "\"reason\" : \"nobody has ordered yet in either group\"");
        assertThat(CHINESE.matcher(json).find()).as(json).isFalse();
        String csv = run("campaigns report " + id + " --format csv").out();
        assertThat(CHINESE.matcher(csv).find()).as(csv).isFalse();
    }

    @Test
    void shouldHoldBackAnUnreadyChannelInChineseAndStoreTheReasonInEnglish() {
        demoWithSnapshot(200);
        String id = planned(run("campaigns plan winback-silent --channel sms --holdout 0"));

        Result send = run("campaigns send " + id + " --yes"); // no SMS gateway is installed in tests

        assertThat(send.exit()).as("work left for later").isEqualTo(3);
        assertThat(send.out()).contains("渠道 sms 尚未就绪（没有渠道插件提供 sms（channels list））", "活动 " + id + " 尚未完成");
        String detail = JdbcClient.create(dataSource).sql("SELECT DISTINCT detail FROM deliveries WHERE campaign_id = ?")
                .param(Long.parseLong(id)).query(String.class).single();
        assertThat(detail).as("the ledger's detail is stored in English").isEqualTo("no channel 'sms' is installed (see channels list)");
    }

    @Test
    void shouldWriteTheHtmlReportNotesInChinese(@TempDir Path dir) throws Exception {
        demoWithSnapshot(300);
        String id = planned(run("campaigns plan winback-silent --holdout 30"));
        assertThat(run("demo orders-after --campaign " + id).exit()).isZero();
        Path page = dir.resolve("report.html");

        Result r = run("report export --html " + page + " --campaign " + id);

        assertThat(r.exit()).as(r.all()).isZero();
        String html = Files.readString(page, StandardCharsets.UTF_8);
        assertThat(html).contains("已触达 ", "对照组 ", "触达组 = 所有计划目标客户", "复购率 = 当月下单超过一次的买家", "来源：分群快照 #")
                .doesNotContain("Contacted = every planned target", "Purchases are paid or completed orders", "; revenue per customer");
    }

    private static String planned(Result plan) {
        Matcher m = Pattern.compile("营销活动 (\\d+) 已规划").matcher(plan.out());
        assertThat(m.find()).as(plan.all()).isTrue();
        return m.group(1);
    }
}
