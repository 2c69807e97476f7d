package dev.rekindle.i18n;

import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Chooses the interface language at start: {@code rekindle.language} ({@code --lang} on the command line,
 * {@code REKINDLE_LANGUAGE} in the environment, or application.yml), {@code auto} by default = the
 * system locale, so an operator whose terminal runs {@code LANG=zh_CN.UTF-8} gets Chinese.
 */
@Component
public class LanguageSetting {

    private final String setting;

    @org.springframework.beans.factory.annotation.Autowired
    public LanguageSetting(LanguageProperties settings) {
        this(settings.language());
    }

    public LanguageSetting(String setting) {
        this.setting = setting;
    }

    /** Applies the setting; a wrong value falls back to English and says so. */
    public String apply() {
        try {
            Tr.use(Language.of(setting, Locale.getDefault()));
            return null;
        } catch (IllegalArgumentException e) {
            Tr.use(Language.EN);
            return "rekindle.language: " + e.getMessage() + " (using English)";
        }
    }
}
