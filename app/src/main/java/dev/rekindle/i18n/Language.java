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
        return of(setting, systemLocale, System.getenv());
    }

    /**
     * As above, with the environment: the POSIX variables (LC_ALL, then LC_MESSAGES, then LANG) are read
     * directly, because Java reports "en" when the zh_CN locale is not installed on the machine.
     */
    public static Language of(String setting, Locale systemLocale, java.util.Map<String, String> env) {
        String s = setting == null ? "" : setting.trim().toLowerCase(Locale.ROOT);
        if (s.isEmpty() || s.equals("auto")) {
            for (String var : new String[] {"LC_ALL", "LC_MESSAGES", "LANG"}) {
                String v = env.get(var);
                if (v != null && !v.isBlank()) {
                    return v.toLowerCase(Locale.ROOT).startsWith("zh") ? ZH : EN;
                }
            }
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
