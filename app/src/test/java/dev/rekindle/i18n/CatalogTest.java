package dev.rekindle.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekindle.console.Groups;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Chinese catalog covers every interface text in the code, and each translation takes the same values. */
class CatalogTest {

    private static final Pattern SPEC = Pattern.compile("%(\\d+\\$)?([-#+0,(<]*)?(\\d+)?(\\.\\d+)?([bBhHsScCdoxXeEfgGaA%n])");
    private static final Catalog ZH = Catalog.loadAll(Tr.ZH_FILES);

    @Test
    void shouldTranslateEveryInterfaceTextOfTheCode() throws IOException {
        Map<String, String> texts = new TreeMap<>(SourceTexts.in(Path.of("src/main/java")));
        for (var f : Groups.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                texts.put(readConstant(f), "Groups.java");
            }
        }
        List<String> missing = new ArrayList<>();
        StringBuilder po = new StringBuilder();
        texts.forEach((text, file) -> {
            if (ZH.get(text) == null) {
                missing.add(file + ": " + text);
                po.append("#: ").append(file).append("\nmsgid ").append(Catalog.quote(text)).append("\nmsgstr \"\"\n\n");
            }
        });
        if (!missing.isEmpty()) {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target/i18n-missing.po"), po.toString());
        }
        assertThat(missing).as("texts without a Chinese translation in src/main/resources/i18n/zh*.po "
                + "(entries to fill in were written to app/target/i18n-missing.po)").isEmpty();
        assertThat(texts).as("the scan found the help texts").hasSizeGreaterThan(150);
    }

    @Test
    void shouldKeepOnlyEntriesTheCodeStillUses() throws IOException {
        Map<String, String> texts = SourceTexts.in(Path.of("src/main/java"));
        List<String> stale = ZH.entries().keySet().stream()
                .filter(k -> !texts.containsKey(k) && !isGroup(k)).toList();
        assertThat(stale).as("catalog entries no longer in the code: remove them from zh.po").isEmpty();
    }

    @Test
    void shouldTranslateEachTextOneWayAcrossTheCatalogs() {
        assertThat(Catalog.conflicts(Tr.ZH_FILES)).as("texts translated differently in two catalogs").isEmpty();
    }

    @Test
    void shouldTakeTheSameValuesInEachTranslation() {
        List<String> wrong = new ArrayList<>();
        ZH.entries().forEach((en, zh) -> {
            if (!specs(en).equals(specs(zh))) {
                wrong.add(en + " → " + zh + "  (" + specs(en) + " vs " + specs(zh) + ")");
            }
        });
        assertThat(wrong).as("format specifiers differ").isEmpty();
    }

    @Test
    void shouldFormatWithReorderedValues() {
        Tr.use(Language.ZH);
        try {
            assertThat(String.format(Locale.ROOT, "%2$s %1$s", "a", "b")).isEqualTo("b a");
            assertThat(Tr.t("Campaigns")).isEqualTo("营销活动");
            assertThat(Tr.t("a text nobody translated")).isEqualTo("a text nobody translated");
        } finally {
            Tr.use(Language.EN);
        }
        assertThat(Tr.t("Campaigns")).isEqualTo("Campaigns");
    }

    @Test
    void shouldReadContinuationLinesAndEscapes() throws IOException {
        Catalog c = Catalog.parse(new BufferedReader(new StringReader("""
                # comment
                msgid "two\\n"
                "lines \\"quoted\\""
                msgstr "两行"
                "\\t完"

                msgid "untranslated"
                msgstr ""
                """)), "test.po");
        assertThat(c.get("two\nlines \"quoted\"")).isEqualTo("两行\t完");
        assertThat(c.get("untranslated")).isNull();
    }

    @Test
    void shouldChooseTheLanguageFromTheSettingOrTheSystemLocale() {
        assertThat(Language.of("auto", Locale.SIMPLIFIED_CHINESE, Map.of())).isEqualTo(Language.ZH);
        assertThat(Language.of("", Locale.US, Map.of())).isEqualTo(Language.EN);
        assertThat(Language.of("auto", Locale.US, Map.of("LANG", "zh_CN.UTF-8"))).as("zh_CN not installed").isEqualTo(Language.ZH);
        assertThat(Language.of("auto", Locale.US, Map.of("LC_ALL", "C.UTF-8", "LANG", "zh_CN.UTF-8")))
                .as("LC_ALL wins").isEqualTo(Language.EN);
        assertThat(Language.of("auto", Locale.US, Map.of("LC_MESSAGES", "zh_TW.UTF-8"))).isEqualTo(Language.ZH);
        assertThat(Language.of("zh_CN", Locale.US)).isEqualTo(Language.ZH);
        assertThat(Language.of("en", Locale.CHINA)).isEqualTo(Language.EN);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Language.of("fr", Locale.US))
                .hasMessageContaining("use en, zh or auto");
    }

    /** Conversions in order (explicit indexes sorted into place), without the index itself. */
    private static List<String> specs(String s) {
        List<String[]> found = new ArrayList<>();
        Matcher m = SPEC.matcher(s);
        int next = 1;
        while (m.find()) {
            String conv = m.group(5);
            if (conv.equals("%") || conv.equals("n")) continue;
            int index = m.group(1) == null ? next++ : Integer.parseInt(m.group(1).replace("$", ""));
            String body = nz(m.group(2)) + nz(m.group(3)) + nz(m.group(4)) + conv;
            found.add(new String[] {String.format("%03d", index), body});
        }
        return found.stream().sorted((a, b) -> a[0].compareTo(b[0])).map(a -> a[1]).toList();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static boolean isGroup(String k) {
        return Arrays.stream(Groups.class.getFields()).anyMatch(f -> k.equals(readConstant(f)));
    }

    private static String readConstant(java.lang.reflect.Field f) {
        try {
            return (String) f.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
