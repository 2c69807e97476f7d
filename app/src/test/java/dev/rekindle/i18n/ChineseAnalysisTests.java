package dev.rekindle.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekindle.support.InChinese;
import dev.rekindle.support.ShellTestSupport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The analysis commands (status, customers, segments, RFM, stages, metrics, predictions, channels, plugins,
 * demo) speak Chinese to an operator who chose it; what scripts read (JSON, CSV) stays the same.
 */
@ExtendWith(InChinese.class)
class ChineseAnalysisTests extends ShellTestSupport {

    @Test
    void shouldLoadDemoDataAndSummariseTheDatabaseInChinese() {
        Result demo = run("demo reset --customers 300 --seed 7 --yes");
        assertThat(demo.exit()).isZero();
        assertThat(demo.out()).startsWith("演示数据：300 位客户、").contains("（种子 7，数据日期 ");

        Result status = run("status");
        assertThat(status.out()).contains("数据库    ", "店铺      ", "数据日期  ", "客户      300（")
                .doesNotContain("Database", "As of");
    }

    @Test
    void shouldAskAndAnswerInChinese() {
        run("demo reset --customers 300 --seed 7 --yes");
        List<String> questions = new ArrayList<>();

        Result r = run("demo reset --customers 10", prompt -> {
            questions.add(prompt);
            return "n";
        });

        assertThat(questions).singleElement().asString().startsWith("数据库中有 300 位客户和 ").endsWith("全部删除并载入演示数据？ [y/N] ");
        assertThat(r.out()).isEqualTo("未做任何更改。\n");
    }

    @Test
    void shouldReportSegmentsInChinese() {
        run("demo reset --customers 300 --seed 7 --yes");

        Result refresh = run("segments refresh");
        assertThat(refresh.out()).startsWith("快照 #").contains("位客户", "数据来源：", "设置：全部历史 · quintiles · 阶段 90,180,270,365",
                "评分：R 天数 ", "下一步：segments list");

        Result list = run("segments list");
        assertThat(list.out()).contains("生命周期阶段", "客户数", "RFM 分群", "自定义分群：暂无").doesNotContain("lifecycle stage");

        assertThat(run("rfm matrix").out()).contains("R5（最近）", "R1（最久）", "每格：客户数");
        assertThat(run("stages flow --days 7").out()).contains("最近 7 天每天进入各阶段的客户数", "合计", "即将沉默的客户：");
    }

    @Test
    void shouldExplainFilterMistakesInChineseWithTheCaretUnderTheSameSpot() {
        run("demo reset --customers 300 --seed 7 --yes");
        run("segments refresh");
        String define = "segments define x --where \"city = 上海 and m >\"";

        Result zh = run(define);
        Tr.use(Language.EN);
        Result en = run(define);

        assertThat(zh.exit()).isEqualTo(1);
        assertThat(zh.err()).contains("筛选表达式第 ", " 个字符处有错误：筛选表达式过早结束：在 '>' 之后应有一个值");
        assertThat(en.err()).contains("the filter has an error at position ");
        assertThat(lastLines(zh.err(), 2)).isEqualTo(lastLines(en.err(), 2)).endsWith("^");
    }

    @Test
    void shouldExplainCustomersAndPredictionsInChinese() {
        run("demo reset --customers 300 --seed 7 --yes");
        assertThat(run("predict refresh").out()).startsWith("数据日期 ").contains("购买模型", "下一步：predict list");
        String buyer = run("predict list --limit 1 --format csv").out().lines().skip(1).findFirst().orElseThrow().split(",")[0];

        assertThat(run("predict show " + buyer).out()).contains("购买记录（截至 ", "首次购买", "模型的预期", "通俗地说：");
        assertThat(run("customers show " + buyer).out()).contains("会员等级", "授权\n", "预测", "存活概率");
        assertThat(run("customers find --name 不存在的人").out()).isEqualTo("没有符合条件的客户。\n");

        Result missing = run("customers show nobody");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("没有买家编号为 'nobody' 的客户。可以这样查找：customers find --name NAME");
    }

    @Test
    void shouldMeasureRetentionInChinese() {
        run("demo reset --customers 300 --seed 7 --yes");

        assertThat(run("metrics").out()).contains("购买订单（已付款、已完成）", "有购买的客户", "30 天复购率");
        assertThat(run("metrics --by month").out()).contains("按月份分组：", "月份", "全部");

        Result wrong = run("metrics --by weekday");
        assertThat(wrong.exit()).isEqualTo(2);
        assertThat(wrong.err()).contains("--by 必须是 month、member_level、city、province 或 category，而不是 'weekday'");
    }

    @Test
    void shouldTestChannelsInChinese() {
        assertThat(run("channels test file --to 13812345678").out()).startsWith("已通过 file 向 138****5678 发送测试消息：已被接受");
        assertThat(run("channels test nope --to 13812345678").err()).contains("没有渠道 'nope'。可用渠道：", "file");
        // other test classes may have put plugins into the shared test folder: the header is what is always there
        assertThat(run("plugins list").out()).startsWith("插件目录：").contains("设置：rekindle.plugins.<id>.* — 内置渠道：file");
    }

    @Test
    void shouldPrintTheSameJsonAndCsvInBothLanguages() {
        run("demo reset --customers 300 --seed 7 --yes");
        run("segments refresh");
        run("predict refresh");
        List<String> commands = List.of("segments list --format json", "segments history --format csv", "rfm matrix --format csv",
                "stages flow --days 3 --format json", "metrics --by city --format json", "predict list --limit 5 --format json",
                "customers find --name 王 --limit 3 --format csv", "channels list --format json", "segments fields --format json");

        List<String> zh = commands.stream().map(c -> run(c).out()).toList();
        Tr.use(Language.EN);
        List<String> en = commands.stream().map(c -> run(c).out()).toList();

        assertThat(zh).isEqualTo(en);
        assertThat(String.join("\n", zh)).contains("\"dimension\"", "\"repeat_rate\"", "\"p_alive\"", "buyer_id,name,mobile")
                .doesNotContain("生命周期阶段", "复购率", "存活概率");
    }

    private static String lastLines(String text, int n) {
        List<String> lines = text.strip().lines().toList();
        return String.join("\n", lines.subList(lines.size() - n, lines.size()));
    }
}
