package dev.rekindle.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Widths as a terminal shows them (JLine's WCWidth), the same the hand-written table gave for CJK and emoji. */
class TextWidthTests {

    @Test
    void chineseFullWidthAndEmojiTakeTwoColumns() {
        assertEquals(4, TextWidth.of("上海"));
        assertEquals(9, TextWidth.of("王小明 ok"));
        assertEquals(2, TextWidth.of("１")); // full-width digit
        assertEquals(4, TextWidth.of("😀👍"));
        assertEquals(4, TextWidth.of("한국"));
        assertEquals(3, TextWidth.of("¥—…"));
    }

    @Test
    void combiningMarksAndColourCodesTakeNone() {
        assertEquals(1, TextWidth.of("e\u0301")); // é as e + combining acute
        assertEquals(5, TextWidth.of("\u001b[1mhello\u001b[0m"));
    }

    @Test
    void padCountsDisplayColumns() {
        assertEquals("上海  |", TextWidth.pad("上海", 6) + "|");
    }

    @Test
    void wrapCutsAtSpacesAndInsideChineseWithoutLosingText() {
        assertEquals(List.of("missing", "app-key,", "secret"), TextWidth.wrap("missing app-key, secret", 8));
        List<String> zh = TextWidth.wrap("插件目录中没有找到任何插件文件", 10);
        zh.forEach(l -> assertEquals(true, TextWidth.of(l) <= 10, l));
        assertEquals("插件目录中没有找到任何插件文件", String.join("", zh));
        assertEquals(List.of("short"), TextWidth.wrap("short", 10));
        // Chinese with a space in it breaks between characters near the width, not back at the space
        assertEquals(List.of("提升及 95% 置信区", "间，按分群"), TextWidth.wrap("提升及 95% 置信区间，按分群", 18));
        assertEquals(List.of("uplift 95% 置", "信区间"), TextWidth.wrap("uplift 95% 置信区间", 14));
    }

    @Test
    void hangingWrapsALongLabelledLineAfterItsCommasUnderTheValue() {
        String block = "Shop       暖心小铺\nPlugins    channel-sms 1.0.0, strategies 1.0.0 (FAILED), channel-wechat 1.0.0  — folder /x\n"
                + "插件      短信 1.0.0, 微信 1.0.0, 淘宝群 1.0.0, 电子邮件 1.0.0";
        assertEquals("""
                Shop       暖心小铺
                Plugins    channel-sms 1.0.0,
                           strategies 1.0.0 (FAILED),
                           channel-wechat 1.0.0  — folder /x
                插件      短信 1.0.0, 微信 1.0.0,
                          淘宝群 1.0.0, 电子邮件 1.0.0""", TextWidth.hanging(block, 46));
        // an indented line continues at its indent; a line without a label, or one that fits, is left alone
        assertEquals("   a-b-c-d,\n   e-f-g", TextWidth.hanging("   a-b-c-d, e-f-g", 12));
        assertEquals("no-label-but-very-long", TextWidth.hanging("no-label-but-very-long", 10));
        assertEquals("Orders     45  fine", TextWidth.hanging("Orders     45  fine", 40));
    }

    @Test
    void wrapAtBreaksBeforeASeparatorAndMarksTheContinuation() {
        String cuts = "scores: R days 5: 0–61 · 1: 595+ | F orders 1: 1 · 5: 4+ | M ¥ 1: ≤82.82 · 5: >491.43";
        assertEquals("scores: R days 5: 0–61 · 1: 595+ | F orders 1: 1 · 5: 4+\n  | M ¥ 1: ≤82.82 · 5: >491.43",
                TextWidth.wrapAt(cuts, " | ", 60, "  "));
        assertEquals(cuts, TextWidth.wrapAt(cuts, " | ", 120, "  "), "text that fits is left alone");
        assertEquals("Snapshot #2 as of 2026-12-08 (made …)\n— 20,005 customers",
                TextWidth.wrapAt("Snapshot #2 as of 2026-12-08 (made …) — 20,005 customers", " — ", 40, ""));
    }
}
