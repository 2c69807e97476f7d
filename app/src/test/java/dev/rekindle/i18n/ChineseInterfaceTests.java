package dev.rekindle.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekindle.shell.LaunchArguments;
import dev.rekindle.support.InChinese;
import dev.rekindle.support.ShellTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An operator who chose Chinese reads help, errors and tables in Chinese; scripts still get stable keys. */
@ExtendWith(InChinese.class)
class ChineseInterfaceTests extends ShellTestSupport {

    @Test
    void shouldListCommandsByGroupInChinese() {
        Result r = run("help");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Rekindle — 留住并唤回店铺已有的老客户。", "入门", "营销活动", "策略与模板",
                "输入 'help 命令' 查看其选项和示例");
        assertThat(r.out()).containsPattern("campaigns plan +按策略规划营销活动");
        assertThat(r.out()).doesNotContain("Getting started", "Plan a campaign from a strategy");
    }

    @Test
    void shouldExplainOneCommandInChinese() {
        Result r = run("help campaigns plan");

        assertThat(r.out()).contains("用法：", "参数：", "选项：", "示例：", "STRATEGY", "策略编号（见 strategies list）",
                "符合条件的客户中留作对照组的百分比");
    }

    @Test
    void shouldReportCommandLineMistakesInChinese() {
        Result unknown = run("campains list");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("用法错误：", "未知命令 'campains list'。", "您是不是想输入 'campaigns list'？");

        Result option = run("customers find --nmae 王");
        assertThat(option.err()).contains("'--nmae' 不是 'customers find' 的选项。");
    }

    @Test
    void shouldTranslateTableHeadersButKeepJsonAndCsvKeysForScripts() {
        Result table = run("channels list");
        assertThat(table.out()).contains("编号", "就绪").doesNotContain("status_query");

        assertThat(run("channels list --format json").out()).contains("\"status_query\"").doesNotContain("状态查询");
        assertThat(run("channels list --format csv").out()).startsWith("id,plugin,contact,ready");
    }

    @Test
    void shouldSwitchLanguageForTheSession() {
        Result en = run("language en");
        assertThat(en.out()).startsWith("Interface language: en.");
        assertThat(run("help").out()).contains("Getting started");

        Result zh = run("language zh");
        assertThat(zh.out()).startsWith("界面语言：zh。");
        assertThat(run("help").out()).contains("入门");

        Result wrong = run("language fr");
        assertThat(wrong.exit()).isEqualTo(2);
        assertThat(wrong.err()).contains("未知语言 'fr'");
    }

    @Test
    void shouldTakeTheLanguageFromTheCommandLine() {
        LaunchArguments a = LaunchArguments.parse("--db", "x.db", "--lang", "zh", "help");
        assertThat(a.language()).isEqualTo("zh");
        assertThat(a.command()).containsExactly("help");
        assertThat(LaunchArguments.parse("--lang=en", "status").language()).isEqualTo("en");
    }
}
