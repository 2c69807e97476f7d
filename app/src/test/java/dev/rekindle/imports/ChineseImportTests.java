package dev.rekindle.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekindle.support.InChinese;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An operator working in Chinese reads import summaries and bad-row errors in Chinese, still located exactly. */
@ExtendWith(InChinese.class)
class ChineseImportTests extends ImportTestSupport {

    @Test
    void shouldSummariseAnImportInChinese() {
        Result r = run("orders import " + fixture("taobao-orders-gbk.csv"));

        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.out()).contains("已从 taobao-orders-gbk.csv", "导入订单，用时", "订单数", "读取行数", "新增");
    }

    @Test
    void shouldLocateABadRowInChineseAndLeaveTheDatabaseUnchanged() {
        String before = contents();

        Result r = run("orders import " + fixture("bad-date.csv"));

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).startsWith("错误：bad-date.csv: 1 行有错误；没有导入任何数据（数据库未改变）。")
                .contains("第 3 行，time 列：'2024-13-45 10:00:00' 不是 Rekindle 能识别的日期时间", "--skip-bad");
        assertThat(contents()).isEqualTo(before);
    }

    @Test
    void shouldExplainAMissingFileInChinese() {
        Result r = run("orders import " + dir.resolve("nope.csv"));

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("找不到文件：", "nope.csv");
    }
}
