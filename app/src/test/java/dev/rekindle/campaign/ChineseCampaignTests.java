package dev.rekindle.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekindle.i18n.Language;
import dev.rekindle.i18n.Tr;
import dev.rekindle.support.CampaignTestSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An operator working in Chinese plans, reads and dry-runs a campaign in Chinese; scripts' formats stay put. */
class ChineseCampaignTests extends CampaignTestSupport {

    @BeforeEach
    void chinese() {
        Tr.use(Language.ZH);
    }

    @AfterEach
    void english() {
        Tr.use(Language.EN);
    }

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
}
