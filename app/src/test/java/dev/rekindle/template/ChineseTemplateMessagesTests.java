package dev.rekindle.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekindle.api.ContactKind;
import dev.rekindle.api.Purpose;
import dev.rekindle.i18n.Tr;
import dev.rekindle.support.InChinese;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What templates validate, templates preview and campaigns plan say about a template, in Chinese. */
@ExtendWith(InChinese.class)
class ChineseTemplateMessagesTests {

    private final ChannelRules rules = new ChannelRules(
            new TemplateSettings(Path.of("."), Locale.CHINA, 2, "回T退订", "https://x", "https://x/u"), "暖心小铺");

    @Test
    void shouldNameBrokenChannelRulesInChinese() {
        List<Finding> sms = rules.check(ChannelRulesTests.template(ContactKind.MOBILE, "text"), Purpose.MARKETING,
                new Rendered("t", null, "王女士，送您8折券。", null));
        assertThat(sms).extracting(Finding::message)
                .containsExactly("营销短信：没有【暖心小铺】签名", "营销短信：没有退订语（回T退订，或使用 ${optout}）");

        List<Finding> email = rules.check(ChannelRulesTests.template(ContactKind.EMAIL, "text"), Purpose.CARE,
                new Rendered("t", " ", "", null));
        assertThat(email).extracting(Finding::message).containsExactly("邮件没有主题", "邮件没有正文（text 和 html 都为空）");
    }

    @Test
    void shouldPlaceATemplateProblemInChineseAndKeepFreeMarkersOwnWords() {
        assertThat(new TemplateProblem("winback-silent/sms.ftl", 3, "syntax error: x").getMessage())
                .isEqualTo("templates/winback-silent/sms.ftl 第 3 行：syntax error: x");
        assertThat(new TemplateProblem("winback-silent/sms.ftl", null, Tr.f("cannot be read: %s", "denied")).getMessage())
                .isEqualTo("templates/winback-silent/sms.ftl：无法读取：denied");
    }
}
