package dev.rekindle.i18n;

import java.util.Locale;

/**
 * Translates interface text. {@code Tr.t("Campaigns")} for fixed text, {@code Tr.f("%,d customers", n)}
 * for text with values (String.format syntax; a translation may reorder them with {@code %2$s}).
 * Pass the English text as a literal (or a constant): the catalog test finds them in the source.
 * The language is process-wide: one operator, one shell.
 */
public final class Tr {

    /** One catalog per area, so that people translating different areas do not edit the same file. */
    static final String[] ZH_FILES = {"/i18n/zh.po", "/i18n/zh-analysis.po", "/i18n/zh-campaigns.po", "/i18n/zh-imports.po",
            "/i18n/zh-hardening.po", "/i18n/zh-products.po", "/i18n/zh-plugins.po",
            "/i18n/zh-vocabulary.po", "/i18n/zh-settings.po", "/i18n/zh-kinds.po"};
    /** Read when Chinese is first used: an English start skips parsing the catalogs (about 20 ms). */
    private static final class Zh {
        static final Catalog CATALOG = Catalog.loadAll(ZH_FILES);
    }
    private static volatile Language language = Language.EN;

    private Tr() {
    }

    public static Language language() {
        return language;
    }

    public static void use(Language l) {
        language = l;
    }

    /** The text in the current language (English when no translation exists). */
    public static String t(String english) {
        if (language == Language.EN || english == null) {
            return english;
        }
        String zh = Zh.CATALOG.get(english);
        return zh == null ? english : zh;
    }

    /** The text in the given language, whatever the interface uses: for pages written in both languages. */
    public static String t(Language in, String english) {
        if (in == Language.EN || english == null) {
            return english;
        }
        String zh = Zh.CATALOG.get(english);
        return zh == null ? english : zh;
    }

    /**
     * Marks a text for translation without translating it now (gettext's N_): for constants made once and
     * shown later, e.g. {@code new SkipReason("holdout", Tr.n("in holdout"))}; show them with {@code Tr.t(label)}.
     */
    public static String n(String english) {
        return english;
    }

    /** Formats the translated text with the values. */
    public static String f(String english, Object... values) {
        return String.format(Locale.ROOT, t(english), values);
    }

    /** True when Chinese is in use: for the few places that build text differently (word order, plurals). */
    public static boolean zh() {
        return language == Language.ZH;
    }
}
