package dev.rekindle.i18n;

import java.util.Locale;

/** The languages of the interface. */
public enum Language {
    EN, ZH;

    /**
     * The language for a setting value: {@code en}, {@code zh} (also {@code zh_CN}, {@code zh-TW}, {@code chinese}),
     * or {@code auto}/blank for the system locale ({@code LANG=zh_CN.UTF-8} → Chinese).
     */
    public static Language of(String setting, Locale systemLocale) {
        String s = setting == null ? "" : setting.trim().toLowerCase(Locale.ROOT);
        if (s.isEmpty() || s.equals("auto")) {
            return "zh".equals(systemLocale.getLanguage()) ? ZH : EN;
        }
        if (s.equals("en") || s.startsWith("en_") || s.startsWith("en-") || s.equals("english")) {
            return EN;
        }
        if (s.equals("zh") || s.startsWith("zh_") || s.startsWith("zh-") || s.equals("chinese") || s.equals("中文")) {
            return ZH;
        }
        throw new IllegalArgumentException("unknown language '" + setting + "': use en, zh or auto");
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
